package tech.brokerbridge.launcher.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Setting;
import tech.brokerbridge.launcher.config.SettingType;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.setup.FieldError;

/**
 * The checks of one update, each problem named by its JSON path: every member against its
 * setting's type (the same checks as {@code config.json} and the environment get), the members that
 * an environment variable or a flag overrides (a file value would have no effect), the weights
 * together, and live trading's two conditions. Rules between members that the loader knows (e.g. a
 * loopback IB host) are checked when the staged file is loaded.
 */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static List<FieldError> check(List<SetupFields.Change> changes, Config current, LicenseState license) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> merged = new HashMap<>();
        for (SetupFields.Change c : changes) {
            checkOne(c, current, errors).ifPresent(text -> merged.put(c.key(), text));
        }
        checkWeights(changes, current, merged, errors);
        checkLive(changes, current, merged, license, errors);
        return errors;
    }

    /** The member's text when it is acceptable, after adding its problems to {@code errors}. */
    private static Optional<String> checkOne(SetupFields.Change c, Config current, List<FieldError> errors) {
        String path = c.path();
        String text = c.text();
        if (path.equals(SetupFields.AUTH_TYPE)) {
            if (!text.equals("api_key")) {
                errors.add(new FieldError(path, "only api_key is supported"));
            }
            return Optional.empty();
        }
        Optional<Setting> setting = Settings.find(c.key());
        if (setting.isEmpty()) {
            errors.add(new FieldError(path, "'" + path + "' cannot be set here"));
            return Optional.empty();
        }
        SettingType type = setting.get().type();
        boolean emptyAllowed = path.equals(Settings.AI_MODEL);
        Optional<String> problem = text.isEmpty() && !emptyAllowed ? Optional.of("must not be empty") : type.check(text);
        if (problem.isPresent()) {
            errors.add(new FieldError(path, "'" + path + "' " + problem.get()));
            return Optional.empty();
        }
        Optional<String> override = ConfigReloader.override(current, c.key());
        if (override.isPresent() && !SetupFields.current(current, path).equals(text)) {
            errors.add(new FieldError(path, "'" + path + "' is set by " + override.get()
                    + ", which takes precedence over config.json; change or unset it there"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static void checkWeights(List<SetupFields.Change> changes, Config current, Map<String, String> merged,
            List<FieldError> errors) {
        List<String> keys = List.of(Settings.WEIGHT_EVIDENCE, Settings.WEIGHT_QUALITY, Settings.WEIGHT_CONVICTION);
        List<String> touched = changes.stream().map(SetupFields.Change::path).filter(keys::contains).toList();
        if (touched.isEmpty() || touched.stream().anyMatch(k -> !merged.containsKey(k))) {
            return; // unchanged, or a weight is already reported on its own
        }
        double sum = 0;
        for (String k : keys) {
            sum += Double.parseDouble(merged.getOrDefault(k, current.text(k)));
        }
        if (!(sum > 0)) {
            for (String k : touched) {
                errors.add(new FieldError(k, "the three scoring weights must not all be 0"));
            }
        }
    }

    private static void checkLive(List<SetupFields.Change> changes, Config current, Map<String, String> merged,
            LicenseState license, List<FieldError> errors) {
        boolean touched = changes.stream().anyMatch(c -> c.path().equals(Settings.TRADING_MODE)
                || c.path().equals(Settings.BROKER_KIND));
        String mode = merged.getOrDefault(Settings.TRADING_MODE, current.text(Settings.TRADING_MODE));
        if (!touched || !mode.equals("live")) {
            return;
        }
        String kind = merged.getOrDefault(Settings.BROKER_KIND, current.text(Settings.BROKER_KIND));
        List<String> reasons = new ArrayList<>();
        if (!kind.equals("ibkr")) {
            reasons.add("live trading needs broker.kind ibkr (IB Gateway or TWS); the " + kind
                    + " broker trades paper only");
        }
        if (!license.liveTradingAllowed()) {
            reasons.add("live trading needs a paid license (license " + license.status().wire() + ": "
                    + license.reason() + ")");
        }
        if (!reasons.isEmpty()) {
            errors.add(new FieldError(Settings.TRADING_MODE, String.join("; ", reasons)));
        }
    }
}
