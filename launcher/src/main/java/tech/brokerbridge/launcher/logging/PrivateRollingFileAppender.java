package tech.brokerbridge.launcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rolling file appender whose files are 0600: the active file is created that way before logback
 * opens it (logback would create it with the umask, often 0644), and the compressed archive a roll-over
 * writes is restricted right after it (the directory is 0700, so nobody else could open it meanwhile).
 */
final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        FilePermissions.createPrivateFile(Path.of(fileName));
        super.openFile(fileName);
    }

    @Override
    public void rollover() {
        super.rollover();
        Path dir = Path.of(getFile()).getParent();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "brokerbridge.*")) {
            for (Path f : files) {
                FilePermissions.createPrivateFile(f);
            }
        } catch (IOException e) {
            addError("cannot restrict the permissions of the log archives in " + dir, e);
        }
    }
}
