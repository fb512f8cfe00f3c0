package tech.brokerbridge.launcher.setup;

import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.config.Setting;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.setup.FieldError;

/** Turns the problems the loader or the desk found in a staged configuration into field errors. */
final class ConfigSave {
    private ConfigSave() {
    }

    /**
     * A loader problem starts with the key it is about ({@code key (source): what}, {@code key must …})
     * or with {@code config.json:}; the longest key that starts it names the field.
     */
    static FieldError fromLoader(String problem) {
        String key = ConfigLoader.CONFIG_FILE;
        for (Setting s : Settings.all()) {
            String k = s.key();
            boolean starts = problem.startsWith(k) && problem.length() > k.length()
                    && " :(".indexOf(problem.charAt(k.length())) >= 0;
            if (starts && (key.equals(ConfigLoader.CONFIG_FILE) || k.length() > key.length())) {
                key = k;
            }
        }
        return new FieldError(SetupFields.pathOf(key), problem);
    }

    /** The desk's problems read {@code key must …}, joined with "; ". */
    static List<FieldError> fromDesk(String message, List<SetupFields.Change> changes) {
        List<FieldError> out = new ArrayList<>();
        for (String problem : message.split("; ")) {
            String field = "config";
            for (SetupFields.Change c : changes) {
                String path = c.path();
                String last = path.substring(path.lastIndexOf('.') + 1);
                if (problem.startsWith(path + " ") || problem.startsWith(last + " ")) {
                    field = path;
                    break;
                }
            }
            out.add(new FieldError(field, problem));
        }
        return out;
    }
}
