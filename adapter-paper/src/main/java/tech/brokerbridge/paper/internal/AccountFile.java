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
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper account's file, {@value #NAME} in the state directory, held for the life of the market
 * with an OS lock on {@value #LOCK_NAME} so that two processes never run one account.
 *
 * <p>A save is durable when it returns: the new content goes to {@value #NAME}{@code .tmp} (mode 0600
 * where POSIX), is forced to disk, renamed atomically over the old file, and the directory is
 * forced too (where the platform can), so a crash at any moment leaves either the old or the new
 * account, whole. Not thread-safe: the exchange calls it under its lock.
 */
final class AccountFile implements AutoCloseable {
    static final String NAME = "paper-account.json";
    static final String LOCK_NAME = "paper-account.lock";
    private static final Logger LOG = LoggerFactory.getLogger(AccountFile.class);

    private final Path dir;
    private final Path file;
    private final Path tmp;
    private final boolean posix;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private AccountFile(Path dir, boolean posix, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
        this.tmp = dir.resolve(NAME + ".tmp");
        this.posix = posix;
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
            return new AccountFile(abs, posix, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the paper account directory " + abs + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /**
     * The saved account, or empty when there is none yet. A leftover temp file is an unfinished save
     * that nobody was told about: it is removed.
     *
     * @throws IllegalStateException when the file is damaged or not a paper account this version reads
     * @throws UncheckedIOException when it cannot be read
     */
    Optional<AccountState> load() {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + tmp + ": " + e.getMessage(), e);
        }
        return read(file);
    }

    /**
     * The account saved in {@code dir}, read without taking its lock (a file is replaced atomically,
     * so a reader sees a whole one); empty when there is none.
     *
     * @throws IllegalStateException when the file is damaged or not a paper account this version reads
     * @throws UncheckedIOException when it cannot be read
     */
    static Optional<AccountState> peek(Path dir) {
        return read(dir.toAbsolutePath().normalize().resolve(NAME));
    }

    private static Optional<AccountState> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(AccountStateCodec.decode(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper account file " + file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException damaged(Path file, String why) {
        return new IllegalStateException("the paper account file " + file + " is damaged or not readable by this version ("
                + why + "). The paper broker will not start over it, so that no paper position, order or fill is"
                + " silently lost: restore the file from a backup, or move it out of the way to open a new paper"
                + " account with the starting cash.");
    }

    /**
     * Saves the account durably (see the class comment). On failure the old file is left as it was.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void save(AccountState state) {
        ByteBuffer bytes = ByteBuffer.wrap(AccountStateCodec.encode(state).getBytes(StandardCharsets.UTF_8));
        try {
            Files.deleteIfExists(tmp);
            Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel ch = FileChannel.open(tmp, create, posix ? attrs("rw-------") : new FileAttribute<?>[0])) {
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the paper account to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable. Only POSIX systems can open a directory for that. */
    private void syncDirectory() throws IOException {
        if (!posix) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Releases the lock. Idempotent. */
    @Override
    public void close() {
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
