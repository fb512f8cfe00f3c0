package tech.brokerbridge.launcher.setup;

import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.ports.setup.FieldError;

/** Turns the problems the loader or the desk found in a staged configuration into field errors. */
final class ConfigSave {
    private ConfigSave() {
    }

    /** A loader problem reads {@code key (source): what} or {@code config.json: what}. */
    static FieldError fromLoader(String problem) {
        int paren = problem.indexOf(" (");
        int colon = problem.indexOf(':');
        int end = paren > 0 && (colon < 0 || paren < colon) ? paren : colon;
        String key = end > 0 ? problem.substring(0, end) : ConfigLoader.CONFIG_FILE;
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
