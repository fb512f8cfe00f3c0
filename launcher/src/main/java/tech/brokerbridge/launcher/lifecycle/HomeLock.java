package tech.brokerbridge.launcher.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process per data directory: an exclusive OS lock on {@value #LOCK_FILE} in the directory, held
 * for the life of a daemon (or of a restore), and the holder's {@link DaemonRecord} in
 * {@value #RECORD_FILE}. The OS drops the lock when the process ends, however it ends, so a killed
 * daemon never blocks the next start; its record is then stale and is overwritten.
 */
public final class HomeLock implements AutoCloseable {
    public static final String LOCK_FILE = "daemon.lock";
    public static final String RECORD_FILE = "daemon.json";
    private static final Logger LOG = LoggerFactory.getLogger(HomeLock.class);
    // a status probe holds the lock for a moment: a start retries this long before it says "held"
    private static final int ATTEMPTS = 10;
    private static final long ATTEMPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    // POSIX drops every lock a process holds on a file when it closes any channel to it: never open
    // one on a lock this process holds
    private static final Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path home;
    private final FileChannel channel;
    private final FileLock lock;
    private DaemonRecord record;
    private boolean closed;

    private HomeLock(Path home, FileChannel channel, FileLock lock, DaemonRecord record) {
        this.home = home;
        this.channel = channel;
        this.lock = lock;
        this.record = record;
    }

    /** What an attempt to take the lock found. */
    public sealed interface Attempt {
        /** The lock is ours until {@link HomeLock#close()}. */
        record Taken(HomeLock lock) implements Attempt {
        }

        /** Another process holds it; its record when it has written one. */
        record Held(Optional<DaemonRecord> holder) implements Attempt {
        }
    }

    /** What {@link #probe(Path)} found. */
    public sealed interface Probe {
        /** Nobody holds the lock; the record a holder left behind without removing it, if any. */
        record Free(Optional<DaemonRecord> stale) implements Probe {
        }

        /** A process holds the lock; its record when it has written one. */
        record Held(Optional<DaemonRecord> holder) implements Probe {
        }
    }

    /**
     * Takes the lock of {@code home} (which must exist) for {@code command} and writes the record.
     *
     * @throws UncheckedIOException when the lock file cannot be created or locked
     */
    public static Attempt acquire(Path home, String command, String version, Instant now) {
        Path lockFile = home.resolve(LOCK_FILE);
        for (int i = 0; i < ATTEMPTS && !HELD_HERE.contains(key(home)); i++) {
            FileChannel channel = open(lockFile, true);
            FileLock lock = tryLock(channel, lockFile);
            if (lock != null) {
                HELD_HERE.add(key(home));
                HomeLock taken = new HomeLock(home, channel, lock, DaemonRecord.self(command, version, now));
                taken.writeRecord();
                return new Attempt.Taken(taken);
            }
            closeQuietly(channel);
            LockSupport.parkNanos(ATTEMPT_PAUSE_NANOS);
        }
        return new Attempt.Held(DaemonRecord.read(home.resolve(RECORD_FILE)));
    }

    /**
     * Whether a process holds the lock of {@code home}, without creating anything there. The probe
     * holds the lock itself for a moment when it is free.
     *
     * @throws UncheckedIOException when the lock file exists but cannot be opened (e.g. permissions)
     */
    public static Probe probe(Path home) {
        Path lockFile = home.resolve(LOCK_FILE);
        Optional<DaemonRecord> record = DaemonRecord.read(home.resolve(RECORD_FILE));
        if (HELD_HERE.contains(key(home))) {
            return new Probe.Held(record);
        }
        if (!Files.exists(lockFile)) {
            return new Probe.Free(record);
        }
        FileChannel channel = open(lockFile, false);
        try {
            FileLock lock = tryLock(channel, lockFile);
            if (lock == null) {
                return new Probe.Held(DaemonRecord.read(home.resolve(RECORD_FILE)));
            }
            return new Probe.Free(record);
        } finally {
            closeQuietly(channel);
        }
    }

    /** Adds the HTTP port to the record, once the daemon listens. */
    public synchronized void listening(int port) {
        record = record.withPort(port);
        writeRecord();
    }

    public synchronized DaemonRecord record() {
        return record;
    }

    /** Removes the record and releases the lock. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(home.resolve(RECORD_FILE));
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", home.resolve(RECORD_FILE), e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("cannot release the lock on {}: {}", home.resolve(LOCK_FILE), e.getMessage());
        }
        closeQuietly(channel);
        HELD_HERE.remove(key(home));
    }

    private static Path key(Path home) {
        return home.toAbsolutePath().normalize();
    }

    private void writeRecord() {
        Path file = home.resolve(RECORD_FILE);
        try {
            Path tmp = Files.createTempFile(home, "." + RECORD_FILE, ".tmp", PrivateFiles.fileMode(home));
            try {
                Files.writeString(tmp, record.toJson());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static FileChannel open(Path lockFile, boolean create) {
        try {
            return create
                    ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PrivateFiles.fileMode(lockFile.getParent()))
                    : FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("the data directory has no " + lockFile.getFileName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The lock, or null when another process (or another holder in this one) has it. */
    private static FileLock tryLock(FileChannel channel, Path lockFile) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a lock file channel: {}", e.getMessage());
        }
    }
}
