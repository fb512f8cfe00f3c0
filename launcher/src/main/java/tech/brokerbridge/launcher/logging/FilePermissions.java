package tech.brokerbridge.launcher.logging;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only files and directories, where the file system has POSIX permissions (a no-op elsewhere). */
public final class FilePermissions {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FilePermissions() {
    }

    /** Creates {@code dir} (and missing parents) and makes it 0700. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Creates {@code file} empty if it does not exist, and makes it 0600. */
    public static void createPrivateFile(Path file) throws IOException {
        if (POSIX) {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }
}
