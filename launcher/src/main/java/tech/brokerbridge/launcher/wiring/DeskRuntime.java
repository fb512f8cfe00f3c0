package tech.brokerbridge.launcher.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerStartException;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.launcher.lifecycle.BackupPolicy;
import tech.brokerbridge.launcher.lifecycle.BackupSchedule;
import tech.brokerbridge.launcher.lifecycle.DaemonRecord;
import tech.brokerbridge.launcher.lifecycle.HomeLock;
import tech.brokerbridge.launcher.lifecycle.JournalBackups;
import tech.brokerbridge.launcher.lifecycle.JournalGuard;
import tech.brokerbridge.launcher.lifecycle.PrivateFiles;
import tech.brokerbridge.launcher.lifecycle.StartOptions;
import tech.brokerbridge.launcher.wiring.StartupException.Reason;
import tech.brokerbridge.ports.journal.JournalException;

/**
 * The running desk: a strict Guice injector ({@link Stage#PRODUCTION}, explicit bindings only) built
 * from one module per adapter, and the services it starts in order and stops in reverse order.
 *
 * <p>Before anything is opened, the data directory is taken: its lock ({@link HomeLock}, one process
 * per directory, whatever the broker), its permissions (0700, files 0600) and the journal's integrity
 * ({@link JournalGuard}). While it runs, the journal is backed up on a schedule ({@link BackupSchedule}).
 */
public final class DeskRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DeskRuntime.class);
    private final Injector injector;
    private final Config config;
    private final HomeLock lock;
    private final BackupSchedule backups;
    private final Deque<ManagedServices.Service> started = new ArrayDeque<>();
    private boolean stopped;
    /** Opening from {@link #create} on: closed by {@link #stop} even when the desk never started. */
    private final OpeningVault vault;
    private boolean clean = true;

    private DeskRuntime(Injector injector, Config config, HomeLock lock, BackupSchedule backups, OpeningVault vault) {
        this.vault = vault;
        this.injector = injector;
        this.config = config;
        this.lock = lock;
        this.backups = backups;
    }

    /** {@link #create(Config, Clock, StartOptions)} with the default options. */
    public static DeskRuntime create(Config config, Clock clock) {
        return create(config, clock, StartOptions.DEFAULTS);
    }

    /**
     * Takes the data directory (lock, permissions, journal check) and builds the injector. Adapters
     * that open resources (journal, vault) do so here.
     *
     * @throws StartupException when the desk cannot start, with a one-line message for the user and its
     *     {@link StartupException.Reason}
     */
    public static DeskRuntime create(Config config, Clock clock, StartOptions options) {
        Path home = config.home();
        HomeLock.Attempt attempt;
        try {
            PrivateFiles.createDirectory(home);
            attempt = HomeLock.acquire(home, "serve", VersionInfo.version(), clock.instant());
        } catch (UncheckedIOException e) {
            throw new StartupException("cannot use the data directory " + home + ": " + e.getMessage(),
                    Reason.FAILED, e);
        }
        if (attempt instanceof HomeLock.Attempt.Held held) {
            throw new StartupException(alreadyRunning(home, held.holder()), Reason.DATA_DIRECTORY_IN_USE, null);
        }
        HomeLock lock = ((HomeLock.Attempt.Taken) attempt).lock();
        KeyringModule keyringOpening = null;
        try {
            PrivateFiles.tighten(home);
            // the vault's key takes a few hundred ms of CPU to derive: it starts now, on its own thread
            KeyringModule keyring = new KeyringModule(config);
            keyringOpening = keyring;
            JournalBackups journalBackups = new JournalBackups(home, BackupPolicy.from(config), clock);
            Optional<String> refused = journal(config, options, journalBackups);
            if (refused.isPresent()) {
                throw new StartupException(refused.get(), Reason.JOURNAL_REFUSED, null);
            }
            return new DeskRuntime(injector(config, clock, keyring), config, lock,
                    new BackupSchedule(journalBackups), keyring.openingVault());
        } catch (UncheckedIOException e) {
            closeOpening(keyringOpening);
            lock.close();
            throw new StartupException("cannot use the data directory " + home + ": " + e.getMessage(),
                    Reason.FAILED, e);
        } catch (RuntimeException | Error e) {
            closeOpening(keyringOpening);
            lock.close();
            throw e;
        }
    }

    private static Optional<String> journal(Config config, StartOptions options, JournalBackups backups) {
        try {
            return JournalGuard.check(config, options, backups);
        } catch (JournalException e) {
            throw new StartupException("cannot start: the journal could not be checked or backed up before a"
                    + " migration: " + e.getMessage(), Reason.FAILED, e);
        }
    }

    /** Why a second start on the same data directory stops, naming who holds it. */
    static String alreadyRunning(Path home, Optional<DaemonRecord> holder) {
        if (holder.isPresent() && holder.get().command().equals("restore")) {
            return "a restore of the journal (pid " + holder.get().pid() + ") is working on " + home
                    + "; start the daemon when it has finished";
        }
        return "another BrokerBridge daemon is already running on " + home
                + holder.map(h -> " (" + h.describe() + ")").orElse(" (it has not said its pid yet)")
                + ": stop it with `brokerbridge stop`, or give this one another data directory (--home or "
                + Settings.HOME_ENV + ")";
    }

    private static Injector injector(Config config, Clock clock, KeyringModule keyring) {
        try {
            return Guice.createInjector(Stage.PRODUCTION, DeskModules.all(config, clock, keyring));
        } catch (CreationException e) {
            throw failed(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw failed(e.getErrorMessages(), e);
        }
    }

    /** One line for the user, naming the first component's own failure; the injector's report goes to the log. */
    private static StartupException failed(Collection<Message> messages, RuntimeException e) {
        LOG.debug("the desk could not be assembled", e);
        List<String> causes = messages.stream().map(DeskRuntime::cause).distinct().toList();
        String more = causes.size() > 1 ? " (and " + (causes.size() - 1) + " more problem"
                + (causes.size() > 2 ? "s" : "") + ": " + String.join("; ", causes.subList(1, causes.size())) + ")" : "";
        Throwable first = messages.stream().map(Message::getCause).filter(c -> c != null).findFirst().orElse(e);
        return new StartupException("cannot start: " + (causes.isEmpty() ? e.getClass().getSimpleName() : causes.get(0))
                + more, Reason.FAILED, first);
    }

    private static String cause(Message m) {
        Throwable c = m.getCause();
        if (c == null) {
            return m.getMessage();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /**
     * Starts every service in order, then records the port in the data directory's lock record and
     * starts the backup schedule; on failure stops the ones already started and releases the directory.
     *
     * @throws StartupException with exit code 3 when the port is taken
     */
    public synchronized void start() {
        for (ManagedServices.Service s : injector.getInstance(ManagedServices.class).inStartOrder()) {
            try {
                s.start().run();
                started.push(s);
                LOG.info("started {}", s.name());
            } catch (HttpServerStartException e) {
                stop();
                String msg = e.addressInUse()
                        ? "port " + config.text(HttpServerConfig.PORT.key()) + " on 127.0.0.1 is already in use; stop the"
                                + " other program or choose another port (BROKERBRIDGE_PORT or --port)"
                        : "cannot start the HTTP server: " + e.getMessage();
                throw new StartupException(msg, e);
            } catch (RuntimeException e) {
                stop();
                throw new StartupException("cannot start " + s.name() + ": " + e.getMessage(), e);
            }
        }
        lock.listening(port());
        backups.start();
    }

    /**
     * Stops the backup schedule, then the started services in reverse order, then releases the data
     * directory. Idempotent.
     *
     * @return true when everything stopped without an error (each error is logged)
     */
    public synchronized boolean stop() {
        if (stopped) {
            return clean;
        }
        stopped = true;
        backups.close();
        while (!started.isEmpty()) {
            ManagedServices.Service s = started.pop();
            try {
                s.stop().run();
                LOG.info("stopped {}", s.name());
            } catch (RuntimeException e) {
                clean = false;
                LOG.warn("stopping {} failed: {}", s.name(), e.toString());
            }
        }
        vault.close(); // a desk stopped before it started: its vault thread may still be writing in the home
        lock.close();
        return clean;
    }

    /** The vault's opening thread writes in the home: it ends before the directory is released. */
    private static void closeOpening(KeyringModule keyring) {
        if (keyring != null) {
            keyring.openingVault().close();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + injector.getInstance(ManagedServices.class).httpPort();
    }

    public int port() {
        return injector.getInstance(ManagedServices.class).httpPort();
    }

    public String version() {
        return VersionInfo.version();
    }

    /** The injector, for tests and embedders that started the desk this way. */
    public Injector injector() {
        return injector;
    }
}
