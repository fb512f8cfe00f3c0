package tech.brokerbridge.launcher.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where {@code credentials set} reads the secret: the terminal without echo when there is one,
 * otherwise one line of standard input (a pipe: {@code printf %s "$KEY" | brokerbridge credentials set
 * claude}), or the first line of a file ({@code --from-file}). The value is never printed.
 */
@FunctionalInterface
interface CredentialsInput {
    /** Longest secret accepted, in characters. */
    int MAX = 4096;

    /**
     * One secret, without its line end; empty when nothing was given.
     *
     * @param prompt shown on a terminal only
     * @throws UncheckedIOException when the input cannot be read
     * @throws IllegalArgumentException when the value is longer than {@link #MAX}
     */
    char[] read(String prompt);

    /**
     * The terminal without echo ({@link Console#readPassword}) when the process has one, otherwise
     * standard input. Standard input is opened from its file descriptor: the project's rules keep the
     * {@code System} streams for nobody, and this is the one place that must read it.
     */
    static CredentialsInput standard() {
        Console console = System.console();
        if (console != null) {
            return prompt -> {
                char[] v = console.readPassword("%s", prompt);
                return v == null ? new char[0] : v;
            };
        }
        return prompt -> line(new InputStreamReader(new FileInputStream(FileDescriptor.in), Charset.defaultCharset()));
    }

    /** The first line of {@code file} (UTF-8). */
    static CredentialsInput file(Path file) {
        return prompt -> {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return line(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }

    /** The first line of {@code reader}, for tests. */
    static CredentialsInput reader(Reader reader) {
        return prompt -> line(reader);
    }

    /** Reads up to a line end or the end of input; the reader is left open. */
    static char[] line(Reader r) {
        char[] buf = new char[MAX];
        int n = 0;
        try {
            int c;
            while ((c = r.read()) >= 0 && c != '\n') {
                if (n == buf.length) {
                    Arrays.fill(buf, '\0');
                    throw new IllegalArgumentException("the credential is longer than " + MAX + " characters");
                }
                buf[n++] = (char) c;
            }
        } catch (IOException e) {
            Arrays.fill(buf, '\0');
            throw new UncheckedIOException("cannot read standard input", e);
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        char[] out = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return out;
    }
}
