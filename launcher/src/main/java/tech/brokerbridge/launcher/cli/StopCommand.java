package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.lifecycle.DaemonRecord;
import tech.brokerbridge.launcher.lifecycle.HomeLock;

/**
 * {@code brokerbridge stop}: a graceful stop of the daemon on this data directory. It sends the
 * daemon SIGTERM (the pid comes from the directory's lock record, and the process's start time must
 * match the record's, so a reused pid is never signalled) and waits until it has exited and released
 * the directory.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop the daemon on this data directory gracefully (SIGTERM) and wait until it has exited.",
                "Exit code 0 stopped (or nothing was running), 1 it could not be stopped in time."})
public final class StopCommand implements Callable<Integer> {
    // the OS reports a process's start time to its clock tick; two readings may differ by that much
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
            description = "how long to wait for the daemon to exit (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            return CliErrors.fail(cl, "--timeout must be between 1 and 3600 seconds", ExitCodes.INVALID_CONFIG);
        }
        Path dir = home.resolve(System.getenv());
        HomeLock.Probe probe;
        try {
            probe = HomeLock.probe(dir);
        } catch (UncheckedIOException e) {
            return CliErrors.fail(cl, e.getMessage(), ExitCodes.FAILURE);
        }
        if (probe instanceof HomeLock.Probe.Free) {
            out.println("BrokerBridge is not running on " + dir + "; nothing to stop");
            out.flush();
            return ExitCodes.OK;
        }
        Optional<DaemonRecord> holder = ((HomeLock.Probe.Held) probe).holder();
        if (holder.isEmpty() || !holder.get().command().equals("serve")) {
            return CliErrors.fail(cl, holder.map(r -> "a journal " + r.command() + " (pid " + r.pid()
                    + ") is working on " + dir + "; let it finish").orElse("a process holds " + dir.resolve(HomeLock.LOCK_FILE)
                    + " but has not said who it is; try again in a moment"), ExitCodes.FAILURE);
        }
        DaemonRecord r = holder.get();
        Optional<ProcessHandle> process = ProcessHandle.of(r.pid()).filter(p -> sameProcess(p, r));
        if (process.isEmpty()) {
            return CliErrors.fail(cl, "the daemon's process (pid " + r.pid() + ") cannot be found; "
                    + "try again in a moment", ExitCodes.FAILURE);
        }
        if (!process.get().supportsNormalTermination()) {
            return CliErrors.fail(cl, "this system cannot stop a process gracefully from outside; press"
                    + " Ctrl-C in the daemon's console", ExitCodes.FAILURE);
        }
        out.println("stopping BrokerBridge on " + dir + " (" + r.describe() + ") …");
        out.flush();
        if (!process.get().destroy()) {
            return CliErrors.fail(cl, "cannot signal pid " + r.pid() + " (is it another user's process?)",
                    ExitCodes.FAILURE);
        }
        long started = System.nanoTime();
        try {
            process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return CliErrors.fail(cl, "the daemon (pid " + r.pid() + ") has not exited after " + timeoutSeconds
                    + " s; it may still be finishing requests. Wait, or end it with: kill -9 " + r.pid(),
                    ExitCodes.FAILURE);
        } catch (ExecutionException e) {
            return CliErrors.fail(cl, "cannot wait for pid " + r.pid() + ": " + e.getCause(), ExitCodes.FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        out.println("stopped (pid " + r.pid() + ", after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms)");
        out.flush();
        return ExitCodes.OK;
    }

    /** The process is the one that wrote the record, not a later one that got its pid. */
    private static boolean sameProcess(ProcessHandle p, DaemonRecord r) {
        Optional<Instant> actual = p.info().startInstant();
        if (r.processStart().isEmpty() || actual.isEmpty()) {
            return true;
        }
        return Duration.between(r.processStart().get(), actual.get()).abs().compareTo(START_TIME_TOLERANCE) <= 0;
    }
}
