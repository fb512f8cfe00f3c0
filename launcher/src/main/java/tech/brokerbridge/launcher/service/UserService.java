package tech.brokerbridge.launcher.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The login service of one platform: where its definition lives and the commands that manage it. */
public sealed interface UserService permits UserService.Systemd, UserService.Launchd {
    /** The file {@code service install} writes. */
    Path definition();

    String render(ServiceSpec spec);

    /** Run after writing the definition: make the service start at login (and now, if {@code startNow}). */
    List<List<String>> enable(boolean startNow);

    /** Run before deleting the definition. Failures are reported but do not stop the removal. */
    List<List<String>> disable();

    /** Run after deleting the definition. */
    List<List<String>> afterRemoval();

    /** Exit status 0 of the last one means the service is running. */
    List<List<String>> status();

    /** The service manager of this platform, if the desk supports one there. */
    static Optional<UserService> of(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            Path config = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                    .filter(Path::isAbsolute).orElse(userHome.resolve(".config"));
            return Optional.of(new Systemd(config.resolve("systemd").resolve("user").resolve(SystemdUnit.NAME)));
        }
        if (os.contains("mac")) {
            return Optional.of(new Launchd(userHome.resolve("Library").resolve("LaunchAgents").resolve(LaunchdAgent.FILE),
                    new com.sun.security.auth.module.UnixSystem().getUid()));
        }
        return Optional.empty();
    }

    /** A systemd user unit, managed with {@code systemctl --user}. */
    record Systemd(Path definition) implements UserService {
        private static List<String> systemctl(String... args) {
            List<String> cmd = new java.util.ArrayList<>(List.of("systemctl", "--user"));
            cmd.addAll(List.of(args));
            return cmd;
        }

        @Override
        public String render(ServiceSpec spec) {
            return SystemdUnit.render(spec);
        }

        @Override
        public List<List<String>> enable(boolean startNow) {
            return List.of(systemctl("daemon-reload"), startNow ? systemctl("enable", "--now", SystemdUnit.NAME)
                    : systemctl("enable", SystemdUnit.NAME));
        }

        @Override
        public List<List<String>> disable() {
            return List.of(systemctl("disable", "--now", SystemdUnit.NAME));
        }

        @Override
        public List<List<String>> afterRemoval() {
            return List.of(systemctl("daemon-reload"));
        }

        @Override
        public List<List<String>> status() {
            return List.of(systemctl("is-enabled", SystemdUnit.NAME), systemctl("is-active", SystemdUnit.NAME));
        }
    }

    /** A launchd agent in the user's GUI session, managed with {@code launchctl}. */
    record Launchd(Path definition, long uid) implements UserService {
        private String target() {
            return "gui/" + uid + "/" + LaunchdAgent.LABEL;
        }

        @Override
        public String render(ServiceSpec spec) {
            return LaunchdAgent.render(spec);
        }

        @Override
        public List<List<String>> enable(boolean startNow) {
            // RunAtLoad: bootstrapping starts it now; without --start it is only enabled for the next login
            return startNow ? List.of(List.of("launchctl", "enable", target()),
                    List.of("launchctl", "bootstrap", "gui/" + uid, definition.toString()))
                    : List.of(List.of("launchctl", "enable", target()));
        }

        @Override
        public List<List<String>> disable() {
            return List.of(List.of("launchctl", "bootout", target()));
        }

        @Override
        public List<List<String>> afterRemoval() {
            return List.of();
        }

        @Override
        public List<List<String>> status() {
            return List.of(List.of("launchctl", "print", target()));
        }
    }
}
