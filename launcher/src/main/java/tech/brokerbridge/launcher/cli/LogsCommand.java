package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.logging.LogFile;
import tech.brokerbridge.launcher.logging.LogTail;

/** {@code brokerbridge logs [-f] [-n N]}: the daemon's log file. Works while the configuration is broken. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Show the desk's log file (<data directory>/logs/brokerbridge.log).",
            "Older files are kept beside it as brokerbridge.1.log.gz (newest) to brokerbridge.5.log.gz."})
public final class LogsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "keep printing new lines as they are written (Ctrl-C stops)")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100",
            description = "how many of the last lines to print first (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--path", description = "print where the log file is, and nothing else")
    boolean path;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lines < 0) {
            err.println("brokerbridge: --lines must be 0 or more");
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        Path file = LogFile.path(home.resolve(System.getenv()));
        if (path) {
            out.println(file);
            out.flush();
            return ExitCodes.OK;
        }
        LogTail tail = new LogTail(file, out);
        try {
            tail.printLast(lines);
        } catch (NoSuchFileException e) {
            err.println("brokerbridge: no log file yet at " + file + " (`brokerbridge serve` writes it)"
                    + (follow ? "; waiting for it" : ""));
            err.flush();
            if (!follow) {
                return ExitCodes.FAILURE;
            }
        }
        if (follow) {
            tail.follow(() -> true);
        }
        return ExitCodes.OK;
    }
}
