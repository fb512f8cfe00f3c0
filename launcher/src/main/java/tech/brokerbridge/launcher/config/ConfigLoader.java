package tech.brokerbridge.launcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the effective configuration from, lowest to highest precedence: built-in defaults,
 * {@code config.json} in the data directory, environment variables, command-line flags. Every
 * problem found is collected and reported at once in a {@link ConfigException}.
 */
public final class ConfigLoader {
    public static final String CONFIG_FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigLoader() {
    }

    /**
     * @param env the process environment
     * @param userHome the user's home directory (for the default data directory)
     * @param homeFlag the {@code --home} flag, if given
     * @param flags command-line overrides, key → value
     */
    public static Config load(Map<String, String> env, Path userHome, Optional<Path> homeFlag, Map<String, String> flags) {
        List<String> problems = new ArrayList<>();
        Path home = homeFlag.orElseGet(() -> Optional.ofNullable(env.get(Settings.HOME_ENV))
                .filter(s -> !s.isBlank()).map(Path::of).orElse(userHome.resolve(".brokerbridge")));
        home = home.toAbsolutePath().normalize();

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Setting s : Settings.all()) {
            s.defaultValue().ifPresent(d -> {
                values.put(s.key(), d);
                sources.put(s.key(), "default");
            });
        }

        readConfigFile(home.resolve(CONFIG_FILE), values, sources, problems);

        for (Setting s : Settings.all()) {
            for (String name : s.envNames()) {
                String v = env.get(name);
                if (v != null) {
                    values.put(s.key(), v.trim());
                    sources.put(s.key(), "environment " + name);
                    break;
                }
            }
        }

        flags.forEach((key, v) -> {
            Optional<Setting> s = Settings.find(key);
            if (s.isEmpty()) {
                problems.add("flag: unknown key '" + key + "'");
            } else if (s.get().secret()) {
                problems.add("flag: '" + key + "' is a secret and is read from the environment only ("
                        + s.get().envName() + ")");
            } else {
                values.put(key, v.trim());
                sources.put(key, "flag");
            }
        });

        for (Setting s : Settings.all()) {
            String v = values.get(s.key());
            if (v == null || (v.isEmpty() && (s.secret() || s.type() instanceof SettingType.CsvList l && l.minItems() == 0))) {
                continue; // unset secrets and empty optional lists are fine
            }
            String where = sources.getOrDefault(s.key(), "default");
            s.type().check(v).ifPresent(p -> problems.add(s.key() + " (" + where + "): " + p
                    + (s.secret() ? "" : " — got '" + v + "'")));
        }
        checkWeights(values, problems);
        checkLicenseHours(values, problems);
        checkIbkrHost(values, problems);
        checkPaperPrices(values, problems);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(home, values, sources);
    }

    private static void checkWeights(Map<String, String> values, List<String> problems) {
        try {
            double sum = Double.parseDouble(values.get(Settings.WEIGHT_EVIDENCE))
                    + Double.parseDouble(values.get(Settings.WEIGHT_QUALITY))
                    + Double.parseDouble(values.get(Settings.WEIGHT_CONVICTION));
            if (!(sum > 0)) {
                problems.add("scoring.*_weight: the three weights must not all be 0");
            }
        } catch (NumberFormatException | NullPointerException e) {
            // each bad weight is already reported on its own
        }
    }

    private static void checkLicenseHours(Map<String, String> values, List<String> problems) {
        try {
            if (Long.parseLong(values.get(Settings.LICENSE_CHECK_HOURS).trim())
                    > Long.parseLong(values.get(Settings.LICENSE_GRACE_HOURS).trim())) {
                problems.add("license.check_hours must not exceed license.grace_hours, or grace could run out "
                        + "between two checks");
            }
        } catch (NumberFormatException | NullPointerException e) {
            // each bad value is already reported on its own
        }
    }

    private static void checkIbkrHost(Map<String, String> values, List<String> problems) {
        String host = values.getOrDefault(Settings.IBKR_HOST, "").trim();
        boolean loopback = host.equals("localhost") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("127.");
        if (!loopback && !"true".equalsIgnoreCase(values.getOrDefault(Settings.IBKR_ALLOW_REMOTE_HOST, "").trim())) {
            problems.add("ibkr.host must be a loopback address (127.0.0.1, ::1 or localhost), got '" + host
                    + "': the TWS API socket is unencrypted; set ibkr.allow_remote_host=true to allow it anyway");
        }
    }

    private static void checkPaperPrices(Map<String, String> values, List<String> problems) {
        if ("csv".equals(values.getOrDefault(Settings.PAPER_MARKET_DATA, "").trim())
                && values.getOrDefault(Settings.PAPER_CSV_FOLDER, "").isBlank()) {
            problems.add("paper.market_data is csv but paper.csv_folder is empty: name the folder of SYMBOL.csv files");
        }
    }

    private static void readConfigFile(Path file, Map<String, String> values, Map<String, String> sources,
            List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            problems.add(CONFIG_FILE + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
            return;
        } catch (IOException e) {
            problems.add(CONFIG_FILE + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(CONFIG_FILE + ": must hold one JSON object");
            return;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat, problems);
        flat.forEach((key, v) -> {
            Optional<Setting> s = Settings.find(key);
            if (s.isEmpty()) {
                problems.add(CONFIG_FILE + ": unknown key '" + key + "'");
            } else if (s.get().secret()) {
                problems.add(CONFIG_FILE + ": '" + key + "' is a secret and must not be written in a file; set "
                        + s.get().envName() + " instead");
            } else {
                values.put(key, v);
                sources.put(key, CONFIG_FILE);
            }
        });
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out, problems);
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) {
                    if (item.isValueNode() && !item.isNull()) {
                        items.add(item.asText());
                    } else {
                        problems.add(CONFIG_FILE + ": '" + key + "' must be a list of plain values");
                    }
                }
                out.put(key, String.join(",", items));
            } else if (v.isNull()) {
                problems.add(CONFIG_FILE + ": '" + key + "' is null; remove it to use the default");
            } else {
                out.put(key, v.asText());
            }
        }
    }
}
