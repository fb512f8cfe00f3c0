package tech.brokerbridge.launcher.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.ibkr.IbkrConfig;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.launcher.lifecycle.BackupPolicy;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.stripe.StripeConfig;

/**
 * The settings table: the union of what each owner declares ({@link SettingGroup}s of the config
 * records that consume them), in documentation order. Nothing about a setting is stated here: add a
 * setting to its owner and it is here. The README's configuration table is checked against it.
 */
public final class Settings {
    /** The environment variable that names the data directory; not a key of {@code config.json}. */
    public static final String HOME_ENV = "BROKERBRIDGE_HOME";

    /** Every owner of settings. */
    private static final List<SettingGroup> OWNERS = List.of(HttpServerConfig.SETTINGS, DaemonSettings.SETTINGS,
            DeskConfig.SETTINGS, PaperConfig.SETTINGS, IbkrConfig.SETTINGS, AdvisorConfig.SETTINGS, StripeConfig.SETTINGS,
            VaultConfig.SETTINGS, BackupPolicy.SETTINGS, NotifyConfig.SETTINGS);

    private static final Map<String, Setting<?>> ALL = new LinkedHashMap<>();
    private static final List<SettingRule> RULES = new ArrayList<>();

    static {
        Map<String, String> envNames = new HashMap<>();
        for (SettingGroup g : OWNERS) {
            for (Setting<?> s : g.settings()) {
                if (ALL.putIfAbsent(s.key(), s) != null) {
                    throw new IllegalStateException(s.key() + " is declared by two owners");
                }
                for (String name : s.envNames()) {
                    String before = envNames.putIfAbsent(name, s.key());
                    if (before != null || name.equals(HOME_ENV)) {
                        throw new IllegalStateException(name + " names two settings: " + before + " and " + s.key());
                    }
                }
            }
            RULES.addAll(g.rules());
        }
    }

    private Settings() {
    }

    /** Every setting, in documentation order. */
    public static List<Setting<?>> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    /** Every owner's rules between its settings. */
    public static List<SettingRule> rules() {
        return List.copyOf(RULES);
    }
}
