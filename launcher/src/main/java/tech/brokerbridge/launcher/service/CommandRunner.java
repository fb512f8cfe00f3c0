package tech.brokerbridge.launcher.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a service manager's command (found on the PATH) with a timeout, keeping what it printed. */
public final class CommandRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a command did: its exit status (127 when it could not be run, 124 on time-out) and output. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public Result run(List<String> command) {
        Path output;
        try {
            output = Files.createTempFile("brokerbridge-service", ".out");
        } catch (IOException e) {
            return new Result(command, 127, "cannot create a temporary file (" + e.getMessage() + ")");
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            p.getOutputStream().close();
            boolean exited = p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8).strip();
            return exited ? new Result(command, p.exitValue(), out)
                    : new Result(command, 124, out + " (no answer in " + TIMEOUT.toSeconds() + " s)");
        } catch (IOException e) {
            return new Result(command, 127, command.get(0) + ": cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, 124, "interrupted");
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // a left-over empty temporary file is harmless
            }
        }
    }
}
