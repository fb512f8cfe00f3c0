package tech.brokerbridge.launcher.logging;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Reads the log file as {@code tail} and {@code tail -F} do: the last lines, then what is appended. */
public final class LogTail {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final PrintWriter out;
    private Object fileKey;
    private long position;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LogTail(Path file, PrintWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Prints the last {@code lines} complete lines of the file (all of them if it has fewer) and
     * remembers where they ended.
     *
     * @throws NoSuchFileException when there is no log file
     */
    public void printLast(int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        Deque<String> last = new ArrayDeque<>();
        for (String l : all) {
            last.addLast(l);
            if (last.size() > lines) {
                last.removeFirst();
            }
        }
        last.forEach(out::println);
        out.flush();
        fileKey = key();
        position = Files.size(file);
    }

    /**
     * Prints each line appended to the file until {@code keepGoing} turns false (checked every 250 ms)
     * or the thread is interrupted. When the file is rolled over (replaced or shortened), continues at
     * the start of the new one; while there is none, waits for it.
     */
    public void follow(BooleanSupplier keepGoing) throws IOException {
        while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            if (Files.exists(file)) {
                Object key = key();
                if (!Objects.equals(key, fileKey) || Files.size(file) < position) {
                    fileKey = key;
                    position = 0;
                    pending.reset();
                }
                readNew();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readNew() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(position);
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = raf.read(buf)) > 0) {
                pending.write(buf, 0, n);
                position += n;
            }
        } catch (FileNotFoundException e) {
            return; // rolled over between the check and the open: the next poll reads the new file
        }
        byte[] bytes = pending.toByteArray();
        int end = bytes.length - 1;
        while (end >= 0 && bytes[end] != '\n') {
            end--;
        }
        if (end >= 0) { // only whole lines; the rest waits for its line break
            out.print(new String(bytes, 0, end + 1, StandardCharsets.UTF_8));
            out.flush();
            pending.reset();
            pending.write(bytes, end + 1, bytes.length - end - 1);
        }
    }

    private Object key() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }
}
