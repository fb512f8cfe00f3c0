package tech.brokerbridge.launcher.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerStartException;
import tech.brokerbridge.launcher.config.Config;

/**
 * The running desk: a strict Guice injector ({@link Stage#PRODUCTION}, explicit bindings only) built
 * from one module per adapter, and the services it starts in order and stops in reverse order.
 */
public final class DeskRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DeskRuntime.class);
    private final Injector injector;
    private final Config config;
    private final Deque<ManagedServices.Service> started = new ArrayDeque<>();
    private boolean stopped;

    private DeskRuntime(Injector injector, Config config) {
        this.injector = injector;
        this.config = config;
    }

    /**
     * Builds the injector. Adapters that open resources (journal, vault) do so here.
     *
     * @throws StartupException when a component cannot be created, with a message for the user
     */
    public static DeskRuntime create(Config config, Clock clock) {
        try {
            return new DeskRuntime(Guice.createInjector(Stage.PRODUCTION, DeskModules.all(config, clock)), config);
        } catch (CreationException | ProvisionException e) {
            Throwable root = rootCause(e);
            throw new StartupException("cannot start: " + root.getMessage(), root);
        }
    }

    /**
     * Starts every service in order; on failure stops the ones already started.
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
    }

    /** Stops the started services in reverse order. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!started.isEmpty()) {
            ManagedServices.Service s = started.pop();
            try {
                s.stop().run();
                LOG.info("stopped {}", s.name());
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed: {}", s.name(), e.toString());
            }
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

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
