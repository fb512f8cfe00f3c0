package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.service.UserService;

/** {@code brokerbridge service uninstall}: stops and removes the login service; keeps every piece of data. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Stop the login service and remove it. The data directory is left as it is.")
public final class ServiceUninstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<UserService> service = ServiceCommand.userService(spec.commandLine().getErr());
        if (service.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Path definition = service.get().definition();
        if (!Files.exists(definition)) {
            out.println("no login service at " + definition + "; nothing to remove");
            out.flush();
            return ExitCodes.OK;
        }
        // not running or not loaded is fine here: the point is that it is gone afterwards
        ServiceCommand.runAll(service.get().disable(), out);
        Files.delete(definition);
        out.println("removed " + definition);
        ServiceCommand.runAll(service.get().afterRemoval(), out);
        Path data = ConfigLoader.home(ServiceCommand.env(), ServiceCommand.userHome(), Optional.ofNullable(home));
        out.println("Your data in " + data + " (journal, credentials, logs, service.env) is left untouched.");
        out.flush();
        return ExitCodes.OK;
    }
}
