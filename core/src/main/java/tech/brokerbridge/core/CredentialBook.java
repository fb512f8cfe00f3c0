package tech.brokerbridge.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.setup.CredentialStatus;

/**
 * Which vault entries hold each provider's credential, and what the vault alone says about them.
 * Shared by the setup API and the {@code brokerbridge credentials} command.
 *
 * <ul>
 * <li>{@code claude}, {@code openai}, {@code openrouter}, {@code google}: {@code <provider>.api_key}
 *     (what the AI adapter reads at each call)</li>
 * <li>{@code stripe}: {@code stripe.api_key} (the restricted key, saved here) and
 *     {@code stripe.license_key} (saved by license activation)</li>
 * <li>{@code telegram}: {@code telegram.bot_token}; {@code smtp}: {@code smtp.password}; {@code ntfy}:
 *     {@code ntfy.token}; {@code webhook}: {@code webhook.secret} (what the notification channels read at
 *     each message)</li>
 * <li>{@code ibkr}: nothing. IB Gateway/TWS asks for no password on its API socket (the user logs in
 *     inside IB Gateway); host, port and client id are configuration. Any {@code ibkr.*} entry a
 *     future version stores is listed and deleted with the provider.</li>
 * </ul>
 */
public final class CredentialBook {
    /** The state message of a credential saved on another machine, as issue 4 words it. */
    public static final String ANOTHER_MACHINE = "encrypted on another machine \u2014 enter them again";
    /** The state message of a credential that fails its check on the machine that saved it (issue 14.6). */
    public static final String DAMAGED = "damaged or tampered with \u2014 enter them again";
    static final String IBKR_NOTHING_TO_SAVE = "IB Gateway needs no credential on its API socket: log in inside"
            + " IB Gateway (or TWS), and set broker.host, broker.port and broker.client_id with POST /api/setup/config";
    /** The AI providers whose key the vault keeps as {@code <provider>.api_key}. */
    public static final List<String> AI_PROVIDERS = List.of("claude", "openai", "openrouter", "google");
    /** The notification channels' secrets, by provider. */
    public static final Map<String, String> NOTIFICATION_SECRETS = Map.of("telegram", "telegram.bot_token", "smtp",
            "smtp.password", "ntfy", "ntfy.token", "webhook", "webhook.secret");

    private final SecretStore secrets;

    public CredentialBook(SecretStore secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** @throws IllegalArgumentException on an unknown provider, listing the known ones */
    public static String requireProvider(String provider) {
        if (!SetupDesk.PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("unknown provider; known: " + String.join(", ", SetupDesk.PROVIDERS));
        }
        return provider;
    }

    /** The vault entry a saved credential goes to; empty for {@code ibkr}, which has none. */
    public static Optional<String> saveName(String provider) {
        requireProvider(provider);
        if (AI_PROVIDERS.contains(provider)) {
            return Optional.of(provider + ".api_key");
        }
        if (NOTIFICATION_SECRETS.containsKey(provider)) {
            return Optional.of(NOTIFICATION_SECRETS.get(provider));
        }
        return provider.equals("stripe") ? Optional.of("stripe.api_key") : Optional.empty();
    }

    /** Why nothing can be saved for {@code provider}, if so. */
    public static Optional<String> nothingToSave(String provider) {
        return saveName(provider).isPresent() ? Optional.empty() : Optional.of(IBKR_NOTHING_TO_SAVE);
    }

    /** Saves (replaces) the provider's credential. */
    public void save(String provider, Secret value) {
        String name = saveName(provider).orElseThrow(() -> new IllegalArgumentException(IBKR_NOTHING_TO_SAVE));
        secrets.put(name, value);
    }

    /** Removes every entry of the provider; true when something was removed. */
    public boolean delete(String provider) {
        boolean removed = false;
        for (String name : names(provider, secrets.list())) {
            removed |= secrets.delete(name);
        }
        return removed;
    }

    /** Every provider's state as the vault alone knows it (missing, saved or undecryptable), in display order. */
    public Map<String, CredentialStatus> stored() {
        List<SecretEntry> entries = secrets.list();
        Map<String, CredentialStatus> out = new LinkedHashMap<>();
        for (String p : SetupDesk.PROVIDERS) {
            out.put(p, stored(p, entries));
        }
        return out;
    }

    /** The entry names of a provider among {@code entries}: the fixed ones and, for ibkr, any {@code ibkr.*}. */
    static List<String> names(String provider, List<SecretEntry> entries) {
        requireProvider(provider);
        List<String> names = new ArrayList<>();
        if (AI_PROVIDERS.contains(provider)) {
            names.add(provider + ".api_key");
        } else if (provider.equals("stripe")) {
            names.add("stripe.api_key");
            names.add("stripe.license_key");
        } else if (NOTIFICATION_SECRETS.containsKey(provider)) {
            names.add(NOTIFICATION_SECRETS.get(provider));
        } else {
            entries.stream().map(SecretEntry::name).filter(n -> n.startsWith("ibkr.")).forEach(names::add);
        }
        return names;
    }

    private static CredentialStatus stored(String provider, List<SecretEntry> entries) {
        Map<String, SecretState> states = new LinkedHashMap<>();
        for (SecretEntry e : entries) {
            states.put(e.name(), e.state());
        }
        List<String> names = names(provider, entries);
        if (names.stream().anyMatch(n -> states.get(n) == SecretState.DAMAGED)) {
            return new CredentialStatus(CredentialStatus.State.UNDECRYPTABLE, DAMAGED);
        }
        if (names.stream().anyMatch(n -> states.get(n) == SecretState.UNDECRYPTABLE)) {
            return new CredentialStatus(CredentialStatus.State.UNDECRYPTABLE, ANOTHER_MACHINE);
        }
        if (provider.equals("ibkr")) {
            return new CredentialStatus(CredentialStatus.State.MISSING, "nothing to store: " + IBKR_NOTHING_TO_SAVE);
        }
        List<String> missing = names.stream().filter(n -> !states.containsKey(n)).toList();
        if (missing.size() == names.size()) {
            return new CredentialStatus(CredentialStatus.State.MISSING, "not saved");
        }
        if (!missing.isEmpty()) {
            return new CredentialStatus(CredentialStatus.State.MISSING, String.join(", ", missing) + " not saved"
                    + (missing.contains("stripe.license_key") ? " (activate the license: POST /api/license/activate)"
                            : ""));
        }
        return new CredentialStatus(CredentialStatus.State.SAVED, "saved");
    }
}
