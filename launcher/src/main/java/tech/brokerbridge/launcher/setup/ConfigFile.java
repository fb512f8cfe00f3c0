package tech.brokerbridge.launcher.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.launcher.config.ConfigJson;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.launcher.lifecycle.PrivateFiles;
import tech.brokerbridge.ports.config.Setting;

/**
 * {@code config.json} in the data directory, edited key by key: the user's other keys and their
 * values are kept, a key written flat ({@code "risk.max_open_trades": 3}) or nested is replaced by its
 * nested form. A new version is first written completely to a file beside it ({@link #stage}) and then
 * moved over it in one atomic step ({@link Staged#commit()}), so a reader never sees half a file. A
 * secret key is never written.
 */
final class ConfigFile {
    private static final ObjectMapper JSON = ConfigJson.mapper();
    private final Path home;

    ConfigFile(Path home) {
        this.home = home;
    }

    Path path() {
        return home.resolve(ConfigLoader.CONFIG_FILE);
    }

    /**
     * The current file as a JSON object (empty when there is no file).
     *
     * @throws IllegalStateException when something is there that is not a JSON object (the message
     *     says what, without content)
     */
    ObjectNode read() {
        try {
            return ConfigJson.read(path()).orElseGet(JSON::createObjectNode);
        } catch (ConfigJson.Unreadable e) {
            throw new IllegalStateException(e.getMessage() + "; fix or remove it");
        }
    }

    /** The file with {@code values} (key → String, Integer, Long, Double, Boolean or List of String) set. */
    static ObjectNode updated(ObjectNode current, Map<String, Object> values) {
        ObjectNode root = current.deepCopy();
        values.forEach((key, value) -> {
            Optional<Setting<?>> s = Settings.find(key);
            if (s.isEmpty() || s.get().secret()) {
                throw new IllegalArgumentException("not a configuration key that may be written to a file: " + key);
            }
            remove(root, key);
            set(root, key, value);
        });
        return root;
    }

    /**
     * Writes {@code content} into a new directory under the data directory, as {@code config.json}, so
     * that it can be loaded and checked exactly as the real file would be before it replaces it.
     */
    Staged stage(ObjectNode content) {
        try {
            Path dir = Files.createTempDirectory(home, ".config-");
            Path file = Files.createFile(dir.resolve(ConfigLoader.CONFIG_FILE), PrivateFiles.fileMode(dir)); // 0600
            Files.writeString(file, JSON.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
            return new Staged(dir, file, path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new " + ConfigLoader.CONFIG_FILE + " in " + home, e);
        }
    }

    /** A new version written beside the real file; {@link #commit()} moves it into place, {@link #close()} discards it. */
    record Staged(Path dir, Path file, Path target) implements AutoCloseable {
        void commit() {
            try {
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    // same directory tree, so this only happens on unusual file systems
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + target, e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir, e);
            }
        }
    }

    private static void remove(ObjectNode root, String key) {
        root.remove(key);
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode o)) {
                return;
            }
            // a partly flat spelling, e.g. {"ai_provider": {"base_urls.claude": …}}
            o.remove(String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length)));
            node = o;
        }
        node.remove(parts[parts.length - 1]);
    }

    private static void set(ObjectNode root, String key, Object value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (value instanceof Integer i) {
            node.put(last, i);
        } else if (value instanceof Long l) {
            node.put(last, l);
        } else if (value instanceof Boolean b) {
            node.put(last, b);
        } else if (value instanceof Double d) {
            node.put(last, d);
        } else if (value instanceof List<?> list) {
            ArrayNode a = node.putArray(last);
            list.forEach(item -> a.add(String.valueOf(item)));
        } else {
            node.put(last, String.valueOf(value));
        }
    }
}
