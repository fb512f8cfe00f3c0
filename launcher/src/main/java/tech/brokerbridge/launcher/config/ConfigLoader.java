package tech.brokerbridge.launcher.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingRule;

/**
 * Builds the effective configuration from, lowest to highest precedence: the declared defaults,
 * {@code config.json} in the data directory, environment variables, command-line flags. This is where
 * values are read and checked: every value given, at every level, against its setting's declaration
 * ({@link Settings}); then every owner's rules on the effective values. Two sources for one key at
 * the same level (a flag twice, a variable and its alias, a flat and a nested spelling) are a problem,
 * not a silent choice. Every problem found is collected and reported at once in a {@link ConfigException}.
 */
public final class ConfigLoader {
    public static final String CONFIG_FILE = ConfigJson.FILE;
    private static final String FLAG = "flag";

    /**
     * One command-line value.
     *
     * @param option how it was given, for messages: {@code --port}, {@code --set}
     * @param key the setting key
     * @param value its text
     */
    public record Flag(String option, String key, String value) {
        public Flag {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        /** {@code --set KEY=VALUE}; a text without {@code =} is an empty key, reported by the loader. */
        public static Flag set(String keyValue) {
            int eq = keyValue.indexOf('=');
            return eq < 0 ? new Flag("--set", "", keyValue) : new Flag("--set", keyValue.substring(0, eq).strip(),
                    keyValue.substring(eq + 1));
        }
    }

    /** One value as given, with where from. */
    private record Given(String source, Object raw) {
    }

    private ConfigLoader() {
    }

    /**
     * @param env the process environment
     * @param userHome the user's home directory (for the default data directory)
     * @param homeFlag the {@code --home} flag, if given
     * @param flags {@code --set} values, key → value
     */
    public static Config load(Map<String, String> env, Path userHome, Optional<Path> homeFlag, Map<String, String> flags) {
        List<Flag> list = new ArrayList<>();
        flags.forEach((k, v) -> list.add(new Flag("--set", k, v)));
        return load(env, userHome, homeFlag, list);
    }

    /**
     * @param env the process environment
     * @param userHome the user's home directory (for the default data directory)
     * @param homeFlag the {@code --home} flag, if given
     * @param flags the command-line values, in the order given
     */
    public static Config load(Map<String, String> env, Path userHome, Optional<Path> homeFlag, List<Flag> flags) {
        List<SettingProblem> problems = new ArrayList<>();
        Path home = home(env, userHome, homeFlag);

        Map<String, List<Given>> given = new LinkedHashMap<>();
        readConfigFile(home.resolve(CONFIG_FILE), given, problems);
        readEnvironment(env, given, problems);
        readFlags(flags, given, problems);

        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> bad = new HashSet<>();
        for (Setting<?> s : Settings.all()) {
            s.defaultValue().ifPresent(d -> {
                values.put(s.key(), d);
                sources.put(s.key(), "default");
            });
            for (Given g : given.getOrDefault(s.key(), List.of())) { // lowest precedence first
                Parsed<?> p = s.read(g.raw());
                if (p instanceof Parsed.Value<?> v) {
                    values.put(s.key(), v.value());
                    sources.put(s.key(), g.source());
                } else {
                    bad.add(s.key());
                    problems.add(SettingProblem.of(s.key(), s.key() + " (" + g.source() + "): "
                            + ((Parsed.Problem<?>) p).message() + (s.echoes() ? " — got '" + shown(g.raw()) + "'" : "")));
                }
            }
        }
        Config config = new Config(home, values, sources, env, flags);
        for (SettingRule r : Settings.rules()) {
            if (r.keys().stream().noneMatch(bad::contains)) {
                r.apply(config).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /**
     * The data directory alone, without reading or checking the configuration (for commands that must
     * work while it is broken, such as {@code logs}): the flag, else {@code BROKERBRIDGE_HOME}, else
     * {@code ~/.brokerbridge}; absolute.
     */
    public static Path home(Map<String, String> env, Path userHome, Optional<Path> homeFlag) {
        return homeFlag.orElseGet(() -> Optional.ofNullable(env.get(Settings.HOME_ENV))
                .filter(s -> !s.isBlank()).map(Path::of).orElse(userHome.resolve(".brokerbridge")))
                .toAbsolutePath().normalize();
    }

    /**
     * The configuration {@code like} would be with {@code dir/config.json}: the same environment and
     * flags, as the next start would load it.
     *
     * @throws ConfigException listing every problem
     */
    public static Config reload(Config like, Path dir) {
        return load(like.environment(), dir, Optional.of(dir), like.flags());
    }

    private static void readConfigFile(Path file, Map<String, List<Given>> given, List<SettingProblem> problems) {
        ObjectNode root;
        try {
            Optional<ObjectNode> read = ConfigJson.read(file);
            if (read.isEmpty()) {
                return;
            }
            root = read.get();
        } catch (ConfigJson.Unreadable e) {
            problems.add(new SettingProblem(List.of(), e.getMessage()));
            return;
        }
        List<String> fileProblems = new ArrayList<>();
        Map<String, Object> flat = ConfigJson.flatten(root, fileProblems);
        fileProblems.forEach(p -> problems.add(new SettingProblem(List.of(), p)));
        flat.forEach((key, v) -> {
            Optional<Setting<?>> s = Settings.find(key);
            if (s.isEmpty()) {
                problems.add(new SettingProblem(List.of(), CONFIG_FILE + ": unknown key '" + ConfigJson.shown(key) + "'"));
            } else if (s.get().secret()) {
                problems.add(SettingProblem.of(key, CONFIG_FILE + ": '" + key + "' is a secret and must not be written in"
                        + " a file; set " + s.get().envName() + " instead"));
            } else {
                add(given, key, new Given(CONFIG_FILE, v));
            }
        });
    }

    private static void readEnvironment(Map<String, String> env, Map<String, List<Given>> given,
            List<SettingProblem> problems) {
        for (Setting<?> s : Settings.all()) {
            List<String> set = s.envNames().stream().filter(env::containsKey)
                    .filter(n -> !(s.secret() && env.get(n).isBlank())) // an empty secret means unset
                    .toList();
            if (set.size() > 1) {
                problems.add(SettingProblem.of(s.key(), s.key() + ": " + String.join(" and ", set)
                        + " are both set; set only one"));
            }
            set.forEach(n -> add(given, s.key(), new Given("environment " + n, env.get(n))));
        }
    }

    private static void readFlags(List<Flag> flags, Map<String, List<Given>> given, List<SettingProblem> problems) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Flag f : flags) {
            Optional<Setting<?>> s = Settings.find(f.key());
            if (f.key().isEmpty()) {
                problems.add(new SettingProblem(List.of(), FLAG + ": " + f.option() + " needs KEY=VALUE"));
            } else if (s.isEmpty()) {
                problems.add(new SettingProblem(List.of(), FLAG + ": unknown key '" + ConfigJson.shown(f.key()) + "'"));
            } else if (s.get().secret()) {
                problems.add(SettingProblem.of(f.key(), FLAG + ": '" + f.key() + "' is a secret and is read from the"
                        + " environment only (" + s.get().envName() + ")"));
            } else {
                options.computeIfAbsent(f.key(), k -> new ArrayList<>())
                        .add(f.option().equals("--set") ? "--set " + f.key() + "=…" : f.option());
                add(given, f.key(), new Given(FLAG, f.value()));
            }
        }
        options.forEach((key, given2) -> {
            if (given2.size() > 1) {
                problems.add(SettingProblem.of(key, key + ": given " + given2.size() + " times on the command line ("
                        + String.join(", ", given2) + "); give it once"));
            }
        });
    }

    private static void add(Map<String, List<Given>> given, String key, Given g) {
        given.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
    }

    private static String shown(Object raw) {
        String s = raw instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(raw);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
