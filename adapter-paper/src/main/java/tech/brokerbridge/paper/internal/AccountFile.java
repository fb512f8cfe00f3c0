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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper account's files in the state directory, held for the life of the market with an OS lock
 * on {@value #LOCK_NAME} so that two processes never run one account: {@value #NAME}, the account
 * written whole, and {@value AccountLog#NAME}, an append-only log of the changes saved since
 * ({@link AccountLog}, {@link AccountDelta}).
 *
 * <p>A save is durable when it returns. Usually it appends one record to the log and syncs it once.
 *
 * <p>Compaction, off the caller's thread: when three quarters of the log are used, a background thread
 * writes the account as it was at that save to {@value #NAME}{@code .tmp} (mode 0600 where POSIX) and a
 * new empty log extending it to {@value AccountLog#NAME}{@code .tmp}, and syncs both, while saves go on
 * into the old log (their records are kept in memory too). Then, holding this object's monitor (a save
 * that comes meanwhile waits), it switches: the records saved since the snapshot are written to the new
 * log and synced once, the new log is renamed over the old one, then the new account file over the old
 * one, and the directory is synced. Every record it moves was acknowledged already, from the old log. When
 * the old log is full before that, the save that does not fit switches itself, its own record going to
 * the new log with the others, and returns after the directory's sync. A crash in between leaves, besides the old pair,
 * a log that extends {@value #NAME}{@code .tmp} or a {@value AccountLog#NAME}{@code .tmp} that extends
 * the account file; the next load finishes the renames (the temporary files were whole and synced before
 * the first rename). When the log fills before the background thread is done, or a save cannot be said as
 * a change, or the background work failed, the save compacts as before, on its own thread: account, new
 * log, both synced, renamed (the account first), directory synced, so a crash leaves an account file and
 * a log that extends it, or an account file that already holds everything its (older) log says. A clean
 * close compacts too, so that the account file alone holds the account. The exchange calls it under its
 * lock; its methods also hold this object's monitor, which the background switch takes (the background
 * preparation only writes the two temporary files, from an immutable account).
 */
final class AccountFile implements AutoCloseable {
    static final String NAME = "paper-account.json";
    static final String LOCK_NAME = "paper-account.lock";
    /**
     * Log size: room for about a thousand saves (a bracket's record is about 1 KB); the next log is prepared
     * when three quarters of it are used (the last quarter leaves room for the saves made meanwhile), so a
     * switch comes about every 750 saves. The least size: a larger account gets a larger log ({@link #capacityFor}).
     */
    static final int LOG_CAPACITY = 1 << 20;
    /** The largest log {@link #capacityFor} makes for a large account. */
    static final int MAX_LOG_CAPACITY = 64 << 20;
    private static final int PEEK_ATTEMPTS = 10;
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
    /** The next account file and log being written in the background, if any. */
    private volatile Future<AccountLog.Contents> preparing;
    /** The records appended since the account that {@link #preparing} writes. */
    private final List<byte[]> tail = new ArrayList<>();
    private ExecutorService compactor;
    /** Runs between the new log's sync and its rename (tests take a crash image there). */
    Runnable beforeSwitch = () -> { };
    /** Runs on the background thread before it waits for the monitor to switch (tests hold it there). */
    Runnable beforeBackgroundSwitch = () -> { };

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
    synchronized Optional<AccountState> load() {
        try {
            Optional<Saved> found = read(file, logFile);
            if (found.isPresent() && (found.get().fromTmp() || found.get().logFromTmp())) {
                // a switch to a new log that a crash cut short: finish its renames
                if (found.get().logFromTmp()) {
                    Files.move(logTmp, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                if (found.get().fromTmp()) {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory();
                LOG.info("paper account: finished the switch to a new log that a stop cut short in {}", dir);
            }
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(logTmp);
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
     * record of the log, being written) is left out, as after a crash; when the files were renamed while it
     * read them (a switch to a new log), it reads them again.
     *
     * @throws IllegalStateException when a file is damaged or not a paper account this version reads
     * @throws UncheckedIOException when it cannot be read
     */
    static Optional<AccountState> peek(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(NAME);
        Path logFile = abs.resolve(AccountLog.NAME);
        try {
            // a switch to a new log (renames) while the files are read: read again, as they are after it
            for (int attempt = 1; ; attempt++) {
                List<Object> before = List.of(fileKey(file), fileKey(logFile));
                try {
                    Optional<AccountState> state = read(file, logFile).map(Saved::state);
                    if (before.equals(List.of(fileKey(file), fileKey(logFile))) || attempt == PEEK_ATTEMPTS) {
                        return state;
                    }
                } catch (IllegalStateException | IOException e) {
                    if (before.equals(List.of(fileKey(file), fileKey(logFile))) || attempt == PEEK_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper account file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's identity (its inode where there is one), or a marker when it is missing. */
    private static Object fileKey(Path path) throws IOException {
        try {
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key == null ? Files.getLastModifiedTime(path) : key;
        } catch (NoSuchFileException e) {
            return "missing";
        }
    }

    /**
     * What the files hold: the account with its log applied, the hash of the account file, and the log
     * to go on with when it extends that file (empty when it is missing, or older: a compaction that
     * ended before its new log replaced the old one, whose changes the account file holds already).
     */
    private record Saved(AccountState state, String base, Optional<AccountLog.Contents> log, boolean fromTmp,
            boolean logFromTmp) {
        Saved(AccountState state, String base, Optional<AccountLog.Contents> log) {
            this(state, base, log, false, false);
        }
    }

    private static Optional<Saved> read(Path file, Path logFile) throws IOException {
        Optional<byte[]> bytes = readBytes(file);
        Optional<AccountLog.Contents> contents;
        try {
            contents = AccountLog.read(logFile);
        } catch (IllegalArgumentException e) {
            throw damaged(logFile, e.getMessage());
        }
        if (bytes.isPresent() && !(contents.isPresent() && contents.get().base().equals(AccountLog.hash(bytes.get())))) {
            Optional<Saved> cutShort = switchCutShort(file, logFile, bytes.get(), contents);
            if (cutShort.isPresent()) {
                return cutShort;
            }
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

    /**
     * The log does not extend the account file: a switch to a new log may have been cut short (see the class
     * comment). Either the log was renamed and extends {@value #NAME}{@code .tmp}, or the account file was
     * renamed and {@value AccountLog#NAME}{@code .tmp} extends it. Both temporary files were whole and synced
     * before the first rename, so either pair holds every save. Empty when neither is the case.
     */
    private static Optional<Saved> switchCutShort(Path file, Path logFile, byte[] account,
            Optional<AccountLog.Contents> log) throws IOException {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        Path logTmp = logFile.resolveSibling(AccountLog.NAME + ".tmp");
        if (log.isPresent()) {
            Optional<byte[]> next = readBytes(tmp);
            if (next.isPresent() && log.get().base().equals(AccountLog.hash(next.get()))) {
                AccountState state = decode(tmp, next.get());
                return Optional.of(new Saved(replay(logFile, state, log.get()), log.get().base(), log, true, false));
            }
        }
        Optional<AccountLog.Contents> nextLog;
        try {
            nextLog = AccountLog.read(logTmp);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a whole log: a compaction that never got as far as its renames
        }
        String base = AccountLog.hash(account);
        if (nextLog.isPresent() && nextLog.get().base().equals(base) && !nextLog.get().dirtyTail()) {
            AccountState state = decode(file, account);
            return Optional.of(new Saved(replay(logTmp, state, nextLog.get()), base, nextLog, false, true));
        }
        return Optional.empty();
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
    synchronized void save(AccountState state) {
        if (saved == null || log.isEmpty() || AccountDelta.dropsBrackets(saved, state)) {
            abandonPrepared();
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
    synchronized void save(AccountState state, List<AccountState.BracketState> changed) {
        if (saved == null || log.isEmpty()) {
            compact(state);
            return;
        }
        byte[] record = AccountLog.frame(AccountStateCodec.encodeLine(AccountDelta.withBrackets(state, changed)));
        boolean full = !log.get().fits(record.length);
        if (full && preparing != null && preparing.isDone() && switchLog(record)) {
            saved = state;
            return;
        }
        if (full) {
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
        if (preparing != null) {
            tail.add(record);
        } else if (log.get().nearlyFull()) {
            prepare(state);
        }
    }

    /** Starts writing {@code state} as the next account file, with a new empty log, in the background. */
    private void prepare(AccountState state) {
        if (compactor == null) {
            compactor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "brokerbridge-paper-compaction");
                t.setDaemon(true);
                return t;
            });
        }
        tail.clear();
        Future<AccountLog.Contents> next = compactor.submit(() -> {
            byte[] bytes = AccountStateCodec.encode(state).getBytes(StandardCharsets.UTF_8);
            writeAccountTmp(bytes);
            Files.deleteIfExists(logTmp);
            return AccountLog.create(logTmp, AccountLog.hash(bytes), capacityFor(logCapacity, bytes.length),
                    posix ? attrs("rw-------") : new FileAttribute<?>[0]);
        });
        preparing = next;
        compactor.execute(() -> switchInBackground(next));
    }

    /** The background thread's switch to the log it prepared, unless a save switched, compacted or failed first. */
    private void switchInBackground(Future<AccountLog.Contents> prepared) {
        beforeBackgroundSwitch.run();
        synchronized (this) {
            if (preparing != prepared || log.isEmpty()) {
                return;
            }
            try {
                switchLog(null);
            } catch (UncheckedIOException e) {
                LOG.warn("could not switch to the next paper account log in {} (the next save writes the whole"
                        + " account): {}", dir, e.getMessage());
            }
        }
    }

    /**
     * Moves to the log prepared in the background: the records since its account and {@code record} (if
     * any) go into it with one sync, then the renames and the directory's sync (see the class comment).
     *
     * @return false when the background work failed (then nothing changed, and the caller appends as usual)
     * @throws UncheckedIOException when a write, a sync or a rename failed: the next save compacts afresh
     */
    private boolean switchLog(byte[] record) {
        AccountLog.Contents empty;
        try {
            empty = preparing.get();
        } catch (ExecutionException e) {
            LOG.warn("could not prepare the next paper account log in {} (the save compacts instead when the log"
                    + " is full): {}", dir, e.getCause().toString());
            preparing = null;
            tail.clear();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        preparing = null;
        AccountLog next = null;
        try {
            next = AccountLog.open(logTmp, empty);
            int length = record == null ? 0 : record.length;
            for (byte[] r : tail) {
                length += r.length;
            }
            if (!next.fits(length)) { // more records than a log holds: the caller compacts
                next.close();
                tail.clear();
                return false;
            }
            for (byte[] r : tail) {
                next.write(r);
            }
            if (record == null) {
                next.sync();
            } else {
                next.append(record);
            }
            beforeSwitch.run();
            Files.move(logTmp, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException e) {
            if (next != null) {
                try {
                    next.close();
                } catch (IOException ignored) {
                    // failing already
                }
            }
            tail.clear();
            closeLog(); // the next save writes everything afresh
            throw new UncheckedIOException("cannot save the paper account to " + logFile + ": " + e.getMessage(), e);
        }
        closeLog();
        log = Optional.of(next);
        tail.clear();
        return true;
    }

    /** Whether the background thread is writing the next account file and log now (for tests). */
    boolean preparing() {
        Future<AccountLog.Contents> p = preparing;
        return p != null && !p.isDone();
    }

    /** Whether a next log is being prepared or waits to be switched to; waits for a switch under way (for tests). */
    synchronized boolean switchPending() {
        return preparing != null;
    }

    /** Waits for the background work, if any, and drops what it wrote: a compaction on this thread follows. */
    private void abandonPrepared() {
        if (preparing == null) {
            return;
        }
        try {
            preparing.get();
        } catch (ExecutionException e) {
            LOG.debug("the abandoned preparation of the next paper account log had failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preparing = null;
        tail.clear();
    }

    private void writeAccountTmp(byte[] bytes) throws IOException {
        Files.deleteIfExists(tmp);
        Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(tmp, create, posix ? attrs("rw-------") : new FileAttribute<?>[0])) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    /** Writes the whole account and a new empty log, both durably (see the class comment). */
    private void compact(AccountState state) {
        abandonPrepared();
        byte[] bytes = AccountStateCodec.encode(state).getBytes(StandardCharsets.UTF_8);
        closeLog();
        try {
            Files.deleteIfExists(logTmp);
            writeAccountTmp(bytes);
            AccountLog.Contents empty = AccountLog.create(logTmp, AccountLog.hash(bytes),
                    capacityFor(logCapacity, bytes.length),
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

    /**
     * The size of the log that extends an account file of {@code accountBytes}: {@code logCapacity}, or, for logs of
     * the default {@value #LOG_CAPACITY} bytes, room for as many bytes of records as the account file has (rounded up
     * to a whole number of default logs, at most {@value #MAX_LOG_CAPACITY} bytes). Every bracket stays in the
     * account, so a compaction's work grows with it; a log that grows as much keeps that work per save the same
     * (in the approve benchmark, an account of 8,000 brackets, 4.5 MB, took 40-50 ms to encode and 30-40 ms to
     * write and sync, every 575 approvals with a 1 MiB log). Smaller logs (the tests', to compact often) stay as
     * they are.
     */
    static int capacityFor(int logCapacity, int accountBytes) {
        if (logCapacity < LOG_CAPACITY) {
            return logCapacity;
        }
        long whole = ((long) accountBytes + LOG_CAPACITY - 1) / LOG_CAPACITY * LOG_CAPACITY;
        return (int) Math.max(logCapacity, Math.min(whole, MAX_LOG_CAPACITY));
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
    public synchronized void close() {
        try {
            if (saved != null && log.isPresent() && log.get().records() > 0) {
                compact(saved);
            }
        } catch (UncheckedIOException e) {
            LOG.warn("could not compact the paper account log in {} (it is kept and read at the next start): {}",
                    dir, e.getMessage());
        } finally {
            abandonPrepared();
            if (compactor != null) {
                compactor.shutdown();
            }
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
