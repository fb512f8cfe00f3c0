package tech.brokerbridge.ports.fakes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * A {@link ConfigurationStore} in memory over the given owners' settings, that passes the
 * {@link tech.brokerbridge.ports.tck.ConfigurationStoreContract}: values are read against their
 * declarations and staged changes against every owner's rules, as the launcher's file store does,
 * without a file. Test helper: {@link #override} (a key an environment variable sets). Thread-safe.
 */
public final class InMemoryConfigurationStore implements ConfigurationStore {
    private final Map<String, Setting<?>> table = new LinkedHashMap<>();
    private final List<SettingRule> rules = new ArrayList<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private volatile View running;
    private volatile View saved;
    private int commits;

    public InMemoryConfigurationStore(List<SettingGroup> owners) {
        for (SettingGroup g : owners) {
            g.settings().forEach(s -> table.put(s.key(), s));
            rules.addAll(g.rules());
        }
        this.running = new View(Map.of());
        this.saved = running;
    }

    /**
     * Makes {@code key} set by {@code source} (e.g. "the environment variable BROKERBRIDGE_X") with
     * {@code value}, as if the desk had been started so.
     */
    public synchronized InMemoryConfigurationStore override(String key, Object value, String source) {
        Setting<?> s = table.get(key);
        Map<String, Object> values = new LinkedHashMap<>(saved.values);
        values.put(key, ((Parsed.Value<?>) s.read(value)).value());
        saved = new View(values);
        running = saved;
        overrides.put(key, source);
        return this;
    }

    /** How many changes were committed. */
    public synchronized int commits() {
        return commits;
    }

    @Override
    public SettingsView running() {
        return running;
    }

    @Override
    public SettingsView saved() {
        return saved;
    }

    @Override
    public synchronized Optional<String> override(String key) {
        return Optional.ofNullable(overrides.get(key));
    }

    @Override
    public Parsed<?> read(String key, Object value) {
        Setting<?> s = table.get(key);
        return s == null || s.secret() ? new Parsed.Problem<>("cannot be set here") : s.read(value);
    }

    @Override
    public synchronized Staged stage(Map<String, Object> changes) {
        List<SettingProblem> problems = new ArrayList<>();
        Set<String> bad = new HashSet<>();
        Map<String, Object> values = new LinkedHashMap<>(saved.values);
        changes.forEach((key, v) -> {
            Parsed<?> p = read(key, v);
            if (p instanceof Parsed.Value<?> ok) {
                values.put(key, ok.value());
            } else {
                bad.add(key);
                problems.add(SettingProblem.of(key, key + ": " + ((Parsed.Problem<?>) p).message()));
            }
        });
        View candidate = new View(values);
        for (SettingRule r : rules) {
            if (r.keys().stream().noneMatch(bad::contains)) {
                r.apply(candidate).ifPresent(problems::add);
            }
        }
        return new Staged() {
            private boolean done;

            @Override
            public List<SettingProblem> problems() {
                return List.copyOf(problems);
            }

            @Override
            public SettingsView view() {
                requireValid();
                return candidate;
            }

            @Override
            public void commit() {
                requireValid();
                synchronized (InMemoryConfigurationStore.this) {
                    if (!done) {
                        saved = candidate;
                        commits++;
                        done = true;
                    }
                }
            }

            private void requireValid() {
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the staged configuration has problems: " + problems);
                }
            }

            @Override
            public void close() {
                // nothing to discard: an uncommitted candidate is simply dropped
            }
        };
    }

    /** Values over the declared defaults. */
    private final class View implements SettingsView {
        private final Map<String, Object> values;

        View(Map<String, Object> values) {
            this.values = Map.copyOf(values);
        }

        @Override
        public <T> Optional<T> find(Setting<T> setting) {
            @SuppressWarnings("unchecked")
            Optional<T> v = (Optional<T>) find(setting.key());
            return v;
        }

        @Override
        public Optional<Object> find(String key) {
            Setting<?> s = table.get(key);
            if (s == null) {
                throw new IllegalArgumentException("no such setting: " + key);
            }
            return values.containsKey(key) ? Optional.of(values.get(key)) : s.defaultValue().map(Object.class::cast);
        }
    }
}
