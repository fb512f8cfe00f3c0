package tech.brokerbridge.launcher.lifecycle;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) ask the daemon to stop: instead of the JVM's own handlers, which exit
 * with 128 + the signal's number (143, 130) and make a service manager report a crash, they release
 * {@link #await()} so that the daemon shuts down in order and exits 0. Where a handler cannot be
 * installed (e.g. {@code -Xrs}) the JVM's default stays and the shutdown hook still stops the desk.
 */
public final class StopSignals {
    static final List<String> SIGNALS = List.of("TERM", "INT");
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicReference<String> cause = new AtomicReference<>();

    private StopSignals() {
    }

    /** Installs the handlers for this process. */
    public static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> s.request("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{}: {}; the JVM's default applies", name, e.getMessage());
            }
        }
        return s;
    }

    /** Asks for a stop (a signal, or any other reason); the first reason wins. */
    public void request(String why) {
        if (cause.compareAndSet(null, why)) {
            LOG.info("{}: stopping", why);
            requested.countDown();
        } else {
            LOG.info("{}: already stopping", why);
        }
    }

    /** Blocks until a stop is requested; returns its reason. */
    public String await() throws InterruptedException {
        requested.await();
        return cause.get();
    }
}
