package tech.brokerbridge.launcher.service;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How to run this very program again, for a service definition. */
public final class LauncherCommand {
    /** Set by the launcher of the installed application (jpackage) to its own path. */
    public static final String APP_PATH_PROPERTY = "jpackage.app-path";
    /** The entry point (named, not referenced: the launcher package depends on this one). */
    static final String MAIN_CLASS = "tech.brokerbridge.launcher.Main";

    private LauncherCommand() {
    }

    /**
     * The installed launcher ({@code /opt/brokerbridge/bin/brokerbridge}) when running from the
     * installed application; otherwise this JVM's {@code java -jar brokerbridge.jar}, or, from a class
     * directory (development), {@code java -cp ... Main}.
     */
    public static List<String> current(Map<String, String> properties) {
        Optional<String> app = Optional.ofNullable(properties.get(APP_PATH_PROPERTY)).filter(s -> !s.isBlank());
        if (app.isPresent()) {
            return List.of(Path.of(app.get()).toAbsolutePath().toString());
        }
        String java = Path.of(properties.get("java.home"), "bin", "java").toString();
        Optional<Path> jar = ownJar().filter(p -> p.toString().endsWith(".jar"));
        if (jar.isPresent()) {
            return List.of(java, "-jar", jar.get().toString());
        }
        return List.of(java, "-cp", properties.get("java.class.path"), MAIN_CLASS);
    }

    private static Optional<Path> ownJar() {
        try {
            // the shaded jar holds every class: where this one comes from is where Main comes from
            return Optional.of(Path.of(LauncherCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath());
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return Optional.empty();
        }
    }
}
