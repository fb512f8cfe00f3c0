package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the files the journal writes with mode 0600 from the first byte (where the file system is
 * POSIX). SQLite then gives its {@code -wal} and {@code -shm} companions the mode of the database file.
 */
final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Creates {@code file} empty with mode 0600 if it does not exist; an existing file is left alone. */
    static void createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, privateMode(file));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process: SQLite will open that one
        }
    }

    private static FileAttribute<?>[] privateMode(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
