package tech.brokerbridge.paper.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper account's files in the state directory, held for the life of the market with an OS lock
 * on {@value #LOCK_NAME} so that two processes never run one account: {@value #NAME}, the account
 * written whole, and {@value AccountLog#NAME}, an append-only log of the changes saved since
 * ({@link AccountLog}, {@link AccountDelta}).
 *
 * <p>A save is durable when it returns. Usually it appends one record to the log and syncs it once.
 * When the log is full (or a save cannot be said as a change) the account is compacted: the whole
 * account goes to {@value #NAME}{@code .tmp} (mode 0600 where POSIX) and a new empty log to
 * {@value AccountLog#NAME}{@code .tmp}, both are synced, renamed over the old files (the account
 * first) and the directory is synced too, so a crash at any moment leaves an account file and a log
 * that extends it, or an account file that already holds everything its (older) log says. A clean
 * close compacts too, so that the account file alone holds the account. Not thread-safe: the
 * exchange calls it under its lock.
 */
final class AccountFile implements AutoCloseable {
    static final String NAME = "paper-account.json";
    static final String LOCK_NAME = "paper-account.lock";
    /** Log size: room for about a thousand saves (a bracket's record is about 1 KB) between compactions. */
    static final int LOG_CAPACITY = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(AccountFile.class);

    private final Path dir;
    private final Path file;
    private final Path tmp;
    private final Path logFile;
    private final Path logTmp;
    private final boolean posix;
    private final int logCapacity;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Optional<AccountLog> log = Optional.empty();
    private AccountState saved;

    private AccountFile(Path dir, boolean posix, int logCapacity, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
        this.tmp = dir.resolve(NAME + ".tmp");
        this.logFile = dir.resolve(AccountLog.NAME);
        this.logTmp = dir.resolve(AccountLog.NAME + ".tmp");
        this.posix = posix;
        this.logCapacity = logCapacity;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating the directory, mode 0700 where POSIX, if need be) and locks the account in {@code dir}.
     *
     * @throws IllegalStateException when another process (or another market in this one) holds the account
     * @throws UncheckedIOException when the directory cannot be created or locked
     */
    static AccountFile open(Path dir) {
        return open(dir, LOG_CAPACITY);
    }

    /** As {@link #open(Path)}, with a log of {@code logCapacity} bytes (small in tests, to compact often). */
    static AccountFile open(Path dir, int logCapacity) {
        Path abs = dir.toAbsolutePath().normalize();
        boolean posix = abs.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(abs)) {
                Files.createDirectories(abs, posix ? attrs("rwx------") : new FileAttribute<?>[0]);
            }
            Path lockPath = abs.resolve(LOCK_NAME);
            FileChannel ch = FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    posix ? attrs("rw-------") : new FileAttribute<?>[0]);
            FileLock lock = null;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } finally {
                if (lock == null) {
                    ch.close();
                }
            }
            if (lock == null) {
                throw new IllegalStateException("the paper account in " + abs + " is already open in another process"
                        + " (or another paper market of this one): one account, one desk");
            }
            return new AccountFile(abs, posix, logCapacity, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the paper account directory " + abs + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /**
     * The saved account (the account file with its log applied), or empty when there is none yet.
     * Leftover temp files are an unfinished compaction that nobody was told about: they are removed.
     * A record cut short at the log's end (never acknowledged) is dropped.
     *
     * @throws IllegalStateException when a file is damaged or not a paper account this version reads
     * @throws UncheckedIOException when it cannot be read
     */
    Optional<AccountState> load() {
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(logTmp);
            Optional<Saved> found = read(file, logFile);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Saved saved = found.get();
            log = saved.log().isPresent() ? Optional.of(AccountLog.open(logFile, saved.log().get()))
                    : Optional.of(newLog(saved.base()));
            this.saved = saved.state();
            return Optional.of(saved.state());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper account file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The account saved in {@code dir} (its file with its log applied), read without taking its lock and
     * without changing a file; empty when there is none. A save that a reader sees in part (the last
     * record of the log, being written) is left out, as after a crash.
     *
     * @throws IllegalStateException when a file is damaged or not a paper account this version reads
     * @throws UncheckedIOException when it cannot be read
     */
    static Optional<AccountState> peek(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(NAME);
        try {
            return read(file, abs.resolve(AccountLog.NAME)).map(Saved::state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper account file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the files hold: the account with its log applied, the hash of the account file, and the log
     * to go on with when it extends that file (empty when it is missing, or older: a compaction that
     * ended before its new log replaced the old one, whose changes the account file holds already).
     */
    private record Saved(AccountState state, String base, Optional<AccountLog.Contents> log) {
    }

    private static Optional<Saved> read(Path file, Path logFile) throws IOException {
        Optional<byte[]> bytes = readBytes(file);
        Optional<AccountLog.Contents> contents;
        try {
            contents = AccountLog.read(logFile);
        } catch (IllegalArgumentException e) {
            throw damaged(logFile, e.getMessage());
        }
        if (bytes.isEmpty()) {
            if (contents.isPresent() && !contents.get().records().isEmpty()) {
                throw damaged(logFile, "it holds " + contents.get().records().size() + " changes but "
                        + file.getFileName() + " is missing");
            }
            return Optional.empty();
        }
        AccountState state = decode(file, bytes.get());
        String base = AccountLog.hash(bytes.get());
        if (contents.isEmpty()) {
            return Optional.of(new Saved(state, base, Optional.empty()));
        }
        AccountState replayed = replay(logFile, state, contents.get());
        if (contents.get().base().equals(base)) {
            return Optional.of(new Saved(replayed, base, contents));
        }
        if (!replayed.equals(state)) {
            throw damaged(logFile, "it extends another version of " + file.getFileName()
                    + ", which was changed after the log was written");
        }
        return Optional.of(new Saved(state, base, Optional.empty()));
    }

    private static AccountState replay(Path logFile, AccountState state, AccountLog.Contents contents) {
        AccountState s = state;
        int n = 0;
        for (String record : contents.records()) {
            n++;
            try {
                s = AccountDelta.apply(s, AccountStateCodec.decodeRecord(record, s));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw damaged(logFile, "record " + n + ": " + e.getMessage());
            }
        }
        return s;
    }

    private static Optional<byte[]> readBytes(Path path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static AccountState decode(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return AccountStateCodec.decode(text);
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static IllegalStateException damaged(Path file, String why) {
        return new IllegalStateException("the paper account file " + file + " is damaged or not readable by this version ("
                + why + "). The paper broker will not start over it, so that no paper position, order or fill is"
                + " silently lost: restore the file from a backup, or move it out of the way to open a new paper"
                + " account with the starting cash.");
    }

    /**
     * Saves the account durably (see the class comment). On failure the saved account is left as it was.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void save(AccountState state) {
        if (saved == null || log.isEmpty() || AccountDelta.dropsBrackets(saved, state)) {
            compact(state);
            return;
        }
        save(state, AccountDelta.between(saved, state).brackets());
    }

    /**
     * As {@link #save(AccountState)}, told which brackets are new or changed since the last save (the
     * caller keeps every bracket it saved before, so the log's record needs those only).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void save(AccountState state, List<AccountState.BracketState> changed) {
        if (saved == null || log.isEmpty()) {
            compact(state);
            return;
        }
        byte[] record = AccountLog.frame(AccountStateCodec.encodeLine(AccountDelta.withBrackets(state, changed)));
        if (!log.get().fits(record.length)) {
            compact(state);
            return;
        }
        try {
            log.get().append(record);
        } catch (IOException e) {
            // the record may be on disk in part or whole: the next save writes everything afresh
            closeLog();
            throw new UncheckedIOException("cannot save the paper account to " + logFile + ": " + e.getMessage(), e);
        }
        saved = state;
    }

    /** Writes the whole account and a new empty log, both durably (see the class comment). */
    private void compact(AccountState state) {
        byte[] bytes = AccountStateCodec.encode(state).getBytes(StandardCharsets.UTF_8);
        closeLog();
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(logTmp);
            Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel ch = FileChannel.open(tmp, create, posix ? attrs("rw-------") : new FileAttribute<?>[0])) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            AccountLog.Contents empty = AccountLog.create(logTmp, AccountLog.hash(bytes), logCapacity,
                    posix ? attrs("rw-------") : new FileAttribute<?>[0]);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(logTmp, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            log = Optional.of(AccountLog.open(logFile, empty));
            saved = state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the paper account to " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new empty log for the account file as it is (its own old log was missing or already compacted in). */
    private AccountLog newLog(String base) throws IOException {
        Files.deleteIfExists(logTmp);
        AccountLog.Contents empty = AccountLog.create(logTmp, base, logCapacity,
                posix ? attrs("rw-------") : new FileAttribute<?>[0]);
        Files.move(logTmp, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        return AccountLog.open(logFile, empty);
    }

    /** Makes the renames themselves durable. Only POSIX systems can open a directory for that. */
    private void syncDirectory() throws IOException {
        if (!posix) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void closeLog() {
        log.ifPresent(l -> {
            try {
                l.close();
            } catch (IOException e) {
                LOG.debug("closing the paper account log: {}", e.toString());
            }
        });
        log = Optional.empty();
    }

    /** Compacts the log into the account file when it holds changes, then releases the lock. Idempotent. */
    @Override
    public void close() {
        try {
            if (saved != null && log.isPresent() && log.get().records() > 0) {
                compact(saved);
            }
        } catch (UncheckedIOException e) {
            LOG.warn("could not compact the paper account log in {} (it is kept and read at the next start): {}",
                    dir, e.getMessage());
        } finally {
            closeLog();
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("could not release the paper account lock in {}: {}", dir, e.toString());
        }
    }

    private static FileAttribute<?>[] attrs(String perms) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))};
    }
}
