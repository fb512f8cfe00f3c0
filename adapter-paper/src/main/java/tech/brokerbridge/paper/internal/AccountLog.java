package tech.brokerbridge.paper.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The paper account's append-only log, {@value #NAME}: the changes saved since the account file was
 * last written whole. A save appends one record and syncs the file's data once; the file is
 * allocated in full (zeros) when it is made, so an append changes no file metadata and the sync
 * writes nothing but the record.
 *
 * <p>Layout, UTF-8 text: a header line {@code {"format":"brokerbridge-paper-account-log","version":1,
 * "base":"<SHA-256 of the account file it extends, hex>"}}, then one line per record,
 * {@code <CRC-32C of the JSON, 8 hex digits> <the record's JSON on one line>}, then zeros to the end.
 * A record cut short by a crash (it was never acknowledged: its sync had not returned) fails its
 * check and is dropped, with everything after it; a bad record followed by a good one is damage.
 *
 * <p>Not thread-safe: its {@link AccountFile} calls it under its monitor.
 */
final class AccountLog implements AutoCloseable {
    static final String NAME = "paper-account.log";
    static final String FORMAT = "brokerbridge-paper-account-log";
    private static final Pattern HEADER = Pattern.compile(
            "\\{\"format\":\"" + FORMAT + "\",\"version\":1,\"base\":\"([0-9a-f]{64})\"}");
    private static final HexFormat HEX = HexFormat.of();

    private final FileChannel channel;
    private final long capacity;
    private long position;
    private int records;

    private AccountLog(FileChannel channel, long capacity, long position, int records) {
        this.channel = channel;
        this.capacity = capacity;
        this.position = position;
        this.records = records;
    }

    /**
     * What a log holds.
     *
     * @param base the hash of the account file it extends
     * @param records each record's JSON, in order
     * @param end where the next record goes
     * @param dirtyTail whether bytes other than zeros follow the last record (a record cut short)
     */
    record Contents(String base, List<String> records, long end, boolean dirtyTail) {
    }

    /**
     * Reads the log at {@code file}; empty when there is none.
     *
     * @throws IllegalArgumentException when it is damaged (saying where)
     * @throws IOException when it cannot be read
     */
    static Optional<Contents> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int headerEnd = indexOf(bytes, 0, (byte) '\n');
        Matcher header = HEADER.matcher(headerEnd < 0 ? "" : new String(bytes, 0, headerEnd, StandardCharsets.UTF_8));
        if (!header.matches()) {
            throw new IllegalArgumentException("its first line is not a paper account log header");
        }
        List<String> records = new ArrayList<>();
        int p = headerEnd + 1;
        while (p < bytes.length && bytes[p] != 0) {
            int newline = indexOf(bytes, p, (byte) '\n');
            Optional<String> record = newline < 0 ? Optional.empty() : record(bytes, p, newline);
            if (record.isEmpty()) {
                break; // the last append, cut short; checked below
            }
            records.add(record.get());
            p = newline + 1;
        }
        boolean dirty = false;
        for (int q = p; q < bytes.length; q++) {
            if (bytes[q] != 0) {
                dirty = true;
                break;
            }
        }
        if (dirty && laterRecord(bytes, p)) {
            throw new IllegalArgumentException("record " + (records.size() + 1) + " is damaged and records follow it");
        }
        return Optional.of(new Contents(header.group(1), records, p, dirty));
    }

    /** Whether a whole, valid record starts at a line boundary anywhere after the bad one at {@code from}. */
    private static boolean laterRecord(byte[] bytes, int from) {
        int p = indexOf(bytes, from, (byte) '\n');
        while (p >= 0 && p + 1 < bytes.length) {
            int start = p + 1;
            int newline = indexOf(bytes, start, (byte) '\n');
            if (newline < 0) {
                return false;
            }
            if (record(bytes, start, newline).isPresent()) {
                return true;
            }
            p = newline;
        }
        return false;
    }

    private static Optional<String> record(byte[] bytes, int start, int newline) {
        if (newline - start < 10 || bytes[start + 8] != ' ') {
            return Optional.empty();
        }
        long expected;
        try {
            expected = Long.parseLong(new String(bytes, start, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, start + 9, newline - start - 9);
        if (crc.getValue() != expected) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, start + 9, newline - start - 9, StandardCharsets.UTF_8));
    }

    /**
     * Writes a new, empty log extending the account file whose hash is {@code base} to {@code file},
     * which must not exist, allocated to {@code capacity} bytes and synced.
     *
     * @return what it holds, to {@link #open} it with once it has its final name
     */
    static Contents create(Path file, String base, int capacity, FileAttribute<?>[] attrs) throws IOException {
        byte[] header = ("{\"format\":\"" + FORMAT + "\",\"version\":1,\"base\":\"" + base + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        long size = Math.max(capacity, header.length);
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attrs)) {
            long at = writeAt(ch, ByteBuffer.wrap(header), 0);
            // zeros a chunk at a time: a large account's log is up to 64 MiB (AccountFile.capacityFor)
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size - at, 1 << 20));
            while (at < size) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                at = writeAt(ch, zeros, at);
            }
            ch.force(true);
        }
        return new Contents(base, List.of(), header.length, false);
    }

    /** Writes all of {@code buffer} at {@code at}: where it ends. */
    private static long writeAt(FileChannel ch, ByteBuffer buffer, long at) throws IOException {
        long end = at;
        while (buffer.hasRemaining()) {
            end += ch.write(buffer, end);
        }
        return end;
    }

    /** Opens {@code file}, read as {@code contents}, to append after its last record (zeroing a cut-short one). */
    static AccountLog open(Path file, Contents contents) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (contents.dirtyTail()) {
                ByteBuffer zeros = ByteBuffer.allocate((int) (size - contents.end()));
                long at = contents.end();
                while (zeros.hasRemaining()) {
                    at += ch.write(zeros, at);
                }
                ch.force(false);
            }
            return new AccountLog(ch, size, contents.end(), contents.records().size());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** One record as it is appended: checksum, space, the JSON, newline. */
    static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] framed = new byte[body.length + 10];
        String sum = HEX.toHexDigits((int) crc.getValue()); // 8 lower-case digits, as %08x
        System.arraycopy(sum.getBytes(StandardCharsets.US_ASCII), 0, framed, 0, 8);
        framed[8] = ' ';
        System.arraycopy(body, 0, framed, 9, body.length);
        framed[framed.length - 1] = '\n';
        return framed;
    }

    /** The SHA-256 of an account file's bytes, hex: what a log names as its base. */
    static String hash(byte[] accountFile) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(accountFile));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a framed record of {@code length} bytes fits in what is left. */
    boolean fits(int length) {
        return position + length <= capacity;
    }

    int records() {
        return records;
    }

    /** Whether less than a quarter of the room is left: time to prepare the next log. */
    boolean nearlyFull() {
        return position > capacity - capacity / 4;
    }

    /** Appends a framed record and syncs it (data only: the file's size does not change). */
    void append(byte[] framed) throws IOException {
        write(framed);
        channel.force(false);
    }

    /** Syncs what was written (data only). */
    void sync() throws IOException {
        channel.force(false);
    }

    /** Appends a framed record without syncing it (a later {@link #append} syncs it with its own). */
    void write(byte[] framed) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(framed);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        position = at;
        records++;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static int indexOf(byte[] bytes, int from, byte b) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
