package tech.brokerbridge.core.internal.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingsView;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.setup.FieldError;

/**
 * The checks of one configuration update, in this order, each problem named by its JSON path:
 * every member against its setting's declaration; the members that an environment variable or a
 * flag overrides (a saved value would have no effect); live trading's two conditions; then the
 * members that passed, staged and loaded as the next start would load them (every owner's rules,
 * such as the scoring weights or a loopback IB host, and the rest of the file).
 */
final class ConfigUpdate {
    static final String CONFIG_FILE = "config.json";

    /**
     * What an update came to.
     *
     * @param errors every problem; empty when the update is valid
     * @param committed the configuration saved now, when the update was committed
     */
    record Outcome(List<FieldError> errors, Optional<SettingsView> committed) {
    }

    private ConfigUpdate() {
    }

    /** Checks {@code changes} and, when there is no problem and {@code commit}, saves them. */
    static Outcome check(ConfigurationStore store, LicenseState license, List<SetupMembers.Change> changes,
            boolean commit) {
        SettingsView saved = store.saved();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        List<SetupMembers.Change> good = new ArrayList<>();
        for (SetupMembers.Change c : changes) {
            checkOne(store, saved, c, errors).ifPresent(v -> {
                accepted.put(c.key(), v);
                good.add(c);
            });
        }
        checkLive(changes, accepted, saved, license, errors);
        Map<String, Object> values = new LinkedHashMap<>();
        good.stream().filter(c -> !c.path().equals(SetupMembers.AUTH_TYPE)).forEach(c -> values.put(c.key(), c.value()));
        Optional<SettingsView> committed = Optional.empty();
        try (ConfigurationStore.Staged staged = store.stage(values)) {
            for (SettingProblem p : staged.problems()) {
                fieldErrors(p, good).stream().filter(e -> !errors.contains(e)).forEach(errors::add);
            }
            if (errors.isEmpty() && commit) {
                staged.commit();
                committed = Optional.of(staged.view());
            }
        }
        return new Outcome(List.copyOf(errors), committed);
    }

    /** The member's typed value when it is acceptable, after adding its problems to {@code errors}. */
    private static Optional<Object> checkOne(ConfigurationStore store, SettingsView saved, SetupMembers.Change c,
            List<FieldError> errors) {
        String path = c.path();
        if (path.equals(SetupMembers.AUTH_TYPE)) {
            if (!"api_key".equals(c.value())) {
                errors.add(new FieldError(path, "only api_key is supported"));
                return Optional.empty();
            }
            return Optional.of(c.value());
        }
        Parsed<?> parsed = store.read(c.key(), c.value());
        if (parsed instanceof Parsed.Problem<?> p) {
            errors.add(new FieldError(path, "'" + path + "' " + p.message()));
            return Optional.empty();
        }
        Object value = ((Parsed.Value<?>) parsed).value();
        Optional<String> override = store.override(c.key());
        if (override.isPresent() && !Objects.equals(Optional.of(value), saved.find(c.key()))) {
            errors.add(new FieldError(path, "'" + path + "' is set by " + override.get()
                    + ", which takes precedence over config.json; change or unset it there"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Live trading needs the IB broker (the paper broker trades paper only) and a license that allows it. */
    private static void checkLive(List<SetupMembers.Change> changes, Map<String, Object> accepted, SettingsView saved,
            LicenseState license, List<FieldError> errors) {
        String modeKey = DeskConfig.TRADING_MODE.key();
        boolean touched = changes.stream().anyMatch(c -> c.path().equals(modeKey)
                || c.path().equals(SetupMembers.BROKER_KIND));
        Object mode = accepted.containsKey(modeKey) ? accepted.get(modeKey) : saved.get(DeskConfig.TRADING_MODE);
        if (!touched || !"live".equals(mode)) {
            return;
        }
        Object kind = accepted.containsKey(SetupMembers.BROKER_KIND) ? accepted.get(SetupMembers.BROKER_KIND)
                : SetupMembers.text(saved, SetupMembers.BROKER_KIND);
        List<String> reasons = new ArrayList<>();
        if (!"ibkr".equals(kind)) {
            reasons.add("live trading needs broker.kind ibkr (IB Gateway or TWS); the " + kind
                    + " broker trades paper only");
        }
        if (!license.liveTradingAllowed()) {
            reasons.add("live trading needs a paid license (license " + license.summary() + ")");
        }
        if (!reasons.isEmpty()) {
            errors.add(new FieldError(modeKey, String.join("; ", reasons)));
        }
    }

    /**
     * A staged problem as field errors: one per member of the update it is about; the first key's
     * member when the update touched none of them (e.g. a bad value saved earlier); {@code config.json}
     * for a problem of the file as a whole.
     */
    private static List<FieldError> fieldErrors(SettingProblem p, List<SetupMembers.Change> good) {
        if (p.keys().isEmpty()) {
            return List.of(new FieldError(CONFIG_FILE, p.message()));
        }
        List<FieldError> out = good.stream().filter(c -> p.keys().contains(c.key()))
                .map(c -> new FieldError(c.path(), p.message())).toList();
        return out.isEmpty() ? List.of(new FieldError(SetupMembers.pathOf(p.keys().get(0)), p.message())) : out;
    }
}
