package tech.brokerbridge.launcher.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory is the user's alone: mode 0700 on it (and on its subdirectories), 0600 on every
 * file in it, whatever existed before. The journal holds the full AI exchanges, so a file left 0644
 * in a 0755 directory would be readable by every user of the machine. Nothing happens where the file
 * system has no POSIX permissions.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final int NAMES_IN_LOG = 20;

    private PrivateFiles() {
    }

    /** The attribute that creates a file with mode 0600 on the file system of {@code near}. */
    public static FileAttribute<?>[] fileMode(Path near) {
        return posix(near) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} (and its parents) if missing, the directory itself with mode 0700. */
    public static void createDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, posix(dir.toAbsolutePath().getParent())
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0]);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException(dir + " exists and is not a directory", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets 0700 on {@code home} and its subdirectories and 0600 on every regular file in them (two
     * levels deep; symbolic links are left alone), and logs once, naming what it changed.
     *
     * @return how many entries it changed
     */
    public static int tighten(Path home) {
        if (!posix(home)) {
            return 0;
        }
        List<String> changed = new ArrayList<>();
        tighten(home, home, 0, changed);
        if (!changed.isEmpty()) {
            LOG.warn("tightened permissions in {} so that only you can read the desk's data ({} entr{}): {}{}", home,
                    changed.size(), changed.size() == 1 ? "y" : "ies",
                    String.join(", ", changed.subList(0, Math.min(NAMES_IN_LOG, changed.size()))),
                    changed.size() > NAMES_IN_LOG ? ", …" : "");
        }
        return changed.size();
    }

    private static void tighten(Path home, Path dir, int depth, List<String> changed) {
        set(home, dir, DIRECTORY, changed);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (depth < 1) {
                        tighten(home, p, depth + 1, changed);
                    }
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    set(home, p, FILE, changed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void set(Path home, Path p, Set<PosixFilePermission> mode, List<String> changed) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (!now.equals(mode)) {
                view.setPermissions(mode);
                String name = p.equals(home) ? "the directory" : home.relativize(p).toString();
                changed.add(name + " " + octal(now) + " → " + octal(mode));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + p + ": " + e.getMessage(), e);
        }
    }

    static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
