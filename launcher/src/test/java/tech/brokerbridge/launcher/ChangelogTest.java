package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.brokerbridge.launcher.wiring.VersionInfo;
import org.junit.jupiter.api.Test;

/** CHANGELOG.md keeps the Keep a Changelog shape, and its newest release is the version the build stamps. */
class ChangelogTest {
    @Test
    void theNewestReleaseIsTheBuildsVersion() throws IOException {
        String changelog = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("CHANGELOG.md"));
        assertTrue(changelog.startsWith("# Changelog\n"), "a Keep a Changelog title");
        assertTrue(changelog.contains("\n## [Unreleased]\n"), "an Unreleased section first");
        Matcher release = Pattern.compile("\n## \\[(\\d+\\.\\d+\\.\\d+)\\] - ").matcher(changelog);
        assertTrue(release.find(), "no release heading");
        String version = VersionInfo.version();
        assertTrue(version.equals(release.group(1)) || version.equals(release.group(1) + "-SNAPSHOT"),
                "the newest release in CHANGELOG.md is " + release.group(1) + ", the build says " + version);
        assertTrue(changelog.indexOf("## [Unreleased]") < release.start(), "Unreleased comes first");
    }
}
