package tech.brokerbridge.keyring.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/testdata}: the {@code brokerbridge.shared} system property (set by surefire to
 * {@code <reactor root>/../shared}) or, from a git worktree one level deeper, the nearest ancestor of
 * the working directory that holds {@code shared/testdata}.
 */
final class SharedTestData {
    private SharedTestData() {}

    static Path fernet(String file) {
        String configured = System.getProperty("brokerbridge.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "testdata"))) {
            return Path.of(configured, "testdata", "fernet", file);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/testdata/fernet"))) {
                return dir.resolve("shared/testdata/fernet").resolve(file);
            }
        }
        throw new IllegalStateException("shared/testdata not found: brokerbridge.shared=" + configured);
    }
}
