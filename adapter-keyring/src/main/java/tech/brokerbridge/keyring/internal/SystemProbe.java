package tech.brokerbridge.keyring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the fingerprint reads from the operating system; a seam so tests can play any OS. */
public interface SystemProbe {
    /** {@code os.name}, e.g. {@code Linux}, {@code Mac OS X}, {@code Windows 11}. */
    String osName();

    /** The OS user name ({@code user.name}), possibly empty. */
    String userName();

    /** A file's content, if it exists and can be read. */
    Optional<String> readFile(Path path);

    /** A command's standard output, if it ran and exited 0 within a few seconds. */
    Optional<String> run(List<String> command);

    /** The real system. */
    static SystemProbe real() {
        return new SystemProbe() {
            @Override
            public String osName() {
                return System.getProperty("os.name", "");
            }

            @Override
            public String userName() {
                return System.getProperty("user.name", "");
            }

            @Override
            public Optional<String> readFile(Path path) {
                try {
                    return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
                } catch (IOException | SecurityException ex) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<String> run(List<String> command) {
                try {
                    Process process = new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    process.getOutputStream().close();
                    byte[] out;
                    try (InputStream stdout = process.getInputStream()) {
                        out = stdout.readNBytes(1 << 20);
                    }
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        return Optional.empty();
                    }
                    return process.exitValue() == 0
                            ? Optional.of(new String(out, StandardCharsets.UTF_8))
                            : Optional.empty();
                } catch (IOException ex) {
                    return Optional.empty();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        };
    }
}
