package tech.brokerbridge.keyring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Private files: created with mode 0600 (directories 0700) from the first byte on POSIX systems,
 * replaced atomically (write a temporary file with those permissions, force it to disk, rename it
 * over the old one), and read-modify-write under a lock shared by threads and processes.
 */
public final class SecureFiles {
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private SecureFiles() {}

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    /** Creates the directory (mode 0700) if missing; an existing one is left as it is. */
    public static void ensureDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(dir, attributes(dir, DIR_MODE));
            }
        } catch (FileAlreadyExistsException ex) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException("not a directory: " + dir, ex);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create directory " + dir, ex);
        }
    }

    /** The file's text, or empty when it does not exist. */
    public static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException ex) {
            return Optional.empty();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /** Replaces the file's content atomically; the new file has mode 0600 on POSIX systems. */
    public static void writeAtomically(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(file, FILE_MODE));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file holds only what was about to be written
                }
            }
        }
    }

    /**
     * Sets mode 0600 when the file exists with broader permissions.
     *
     * @return true when the permissions were changed
     */
    public static boolean tighten(Path file) {
        if (!posix(file) || !Files.exists(file)) {
            return false;
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view.readAttributes().permissions().equals(FILE_MODE)) {
                return false;
            }
            view.setPermissions(FILE_MODE);
            return true;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot set the permissions of " + file, ex);
        }
    }

    /** Runs {@code action} holding an exclusive lock on {@code lockFile}, against threads and other processes. */
    public static <T> T withLock(Path lockFile, Supplier<T> action) {
        ReentrantLock local = IN_PROCESS_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        attributes(lockFile, FILE_MODE))) {
            FileLock lock = channel.lock();
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot lock " + lockFile, ex);
        } finally {
            local.unlock();
        }
    }
}
