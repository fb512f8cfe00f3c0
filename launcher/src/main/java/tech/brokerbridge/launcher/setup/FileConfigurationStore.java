package tech.brokerbridge.launcher.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * The staged configuration over {@code config.json} in the data directory ({@link ConfigFile}): a
 * change is written into a complete new file beside the real one, loaded exactly as the next start
 * would load it (the same environment and flags, {@link ConfigLoader#reload}), and moved over the real
 * one only on commit. So the setup can never save a file that the next start would refuse. Values are
 * read against the settings table ({@link Settings}) only: no rule is stated here.
 */
public final class FileConfigurationStore implements ConfigurationStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileConfigurationStore.class);
    private static final String ENVIRONMENT = "environment ";

    private final Config running;
    private final ConfigFile file;
    private volatile Config saved;

    public FileConfigurationStore(Config running) {
        this.running = Objects.requireNonNull(running, "running");
        this.saved = running;
        this.file = new ConfigFile(running.home());
    }

    @Override
    public Config running() {
        return running;
    }

    @Override
    public Config saved() {
        return saved;
    }

    /** The saved configuration, masked, for the diagnostics view. */
    public Map<String, Object> masked() {
        return saved.masked();
    }

    @Override
    public Optional<String> override(String key) {
        String source = saved.source(key);
        if (source.startsWith(ENVIRONMENT)) {
            return Optional.of("the environment variable " + source.substring(ENVIRONMENT.length()));
        }
        return source.equals("flag") ? Optional.of("a command-line flag") : Optional.empty();
    }

    @Override
    public Parsed<?> read(String key, Object value) {
        return Settings.find(key).filter(s -> !s.secret()).<Parsed<?>>map(s -> s.read(value))
                .orElseGet(() -> new Parsed.Problem<>("cannot be set here"));
    }

    @Override
    public Staged stage(Map<String, Object> changes) {
        ObjectNode content;
        try {
            content = ConfigFile.updated(file.read(), changes);
        } catch (IllegalStateException e) {
            return new FileStaged(null, null, List.of(new SettingProblem(List.of(), e.getMessage())));
        }
        ConfigFile.Staged staged = file.stage(content);
        try {
            return new FileStaged(staged, ConfigLoader.reload(running, staged.dir()), List.of());
        } catch (ConfigException e) {
            return new FileStaged(staged, null, e.settingProblems());
        }
    }

    /** A staged file: its loaded configuration, or its problems. */
    private final class FileStaged implements Staged {
        private final ConfigFile.Staged staged;
        private final Config candidate;
        private final List<SettingProblem> problems;
        private boolean committed;

        FileStaged(ConfigFile.Staged staged, Config candidate, List<SettingProblem> problems) {
            this.staged = staged;
            this.candidate = candidate;
            this.problems = List.copyOf(problems);
        }

        @Override
        public List<SettingProblem> problems() {
            return problems;
        }

        @Override
        public synchronized SettingsView view() {
            requireValid();
            return committed ? saved : candidate;
        }

        @Override
        public synchronized void commit() {
            requireValid();
            staged.commit();
            // loaded again from where it now is, so that its data directory is the real one
            saved = ConfigLoader.reload(running, running.home());
            committed = true;
            LOG.info("configuration saved to {}", file.path());
        }

        private void requireValid() {
            if (candidate == null) {
                throw new IllegalStateException("the staged configuration has problems: " + problems);
            }
        }

        @Override
        public void close() {
            if (staged != null) {
                staged.close();
            }
        }
    }
}
