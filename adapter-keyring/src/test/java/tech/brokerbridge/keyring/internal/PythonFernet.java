package tech.brokerbridge.keyring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code cryptography} Fernet, reached through {@code /usr/bin/python3} (Debian's
 * {@code python3-cryptography}; the default {@code python3} may be a pyenv build that cannot see it).
 * Inputs travel on standard input, never on the command line.
 */
final class PythonFernet {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonFernet() {}

    /** Why interop cannot run here, or empty when it can. */
    static Optional<String> unavailableReason() {
        if (!Files.isExecutable(PYTHON)) {
            return Optional.of(PYTHON + " is missing");
        }
        try {
            run("import cryptography.fernet", "");
            return Optional.empty();
        } catch (IOException ex) {
            return Optional.of("Python module 'cryptography' is unavailable to " + PYTHON
                    + " (apt-get install -y python3-cryptography): " + ex.getMessage());
        }
    }

    /** Runs a script with the given standard input; returns standard output. */
    static String run(String script, String stdin) throws IOException {
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), "-c", script)).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("python3 timed out");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        if (process.exitValue() != 0) {
            throw new IOException("python3 exited " + process.exitValue() + ": "
                    + new String(err, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
