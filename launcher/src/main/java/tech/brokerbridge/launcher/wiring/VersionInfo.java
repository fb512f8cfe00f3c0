package tech.brokerbridge.launcher.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The product version and the commit it was built from, both stamped by the build: the version from
 * the parent pom's {@code revision} property, the commit from {@code git rev-parse HEAD} (launcher's
 * pom; "unknown" when built outside a git checkout).
 */
public final class VersionInfo {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Properties BUILD = load();
    private static final String VERSION = BUILD.getProperty("version", "unknown");
    private static final String COMMIT_ID = commitOfBuild();

    private VersionInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** The full id of the commit the build came from, or "unknown". */
    public static String commit() {
        return COMMIT_ID;
    }

    /** What {@code brokerbridge --version} prints. */
    public static String line() {
        return "brokerbridge " + version() + " (commit " + commit() + ")";
    }

    private static String commitOfBuild() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/brokerbridge-commit.txt")) {
            String id = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return COMMIT.matcher(id).matches() ? id : "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/brokerbridge-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
