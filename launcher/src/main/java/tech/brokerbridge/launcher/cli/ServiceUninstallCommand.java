package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code brokerbridge service uninstall}: stops and removes the login service; keeps every piece of data. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Stop the login service and remove it. The data directory is left as it is.")
public final class ServiceUninstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Override
    public Integer call() throws IOException {
        return ServiceCommand.withDefinition(spec.commandLine(),
                definition -> "no login service at " + definition + "; nothing to remove", ExitCodes.OK,
                (service, definition, out) -> {
                    // not running or not loaded is fine here: the point is that it is gone afterwards
                    ServiceCommand.runAll(service.disable(), out);
                    Files.delete(definition);
                    out.println("removed " + definition);
                    ServiceCommand.runAll(service.afterRemoval(), out);
                    Path data = home.resolve(ServiceCommand.env());
                    out.println("Your data in " + data + " (journal, credentials, logs, service.env) is left untouched.");
                    out.flush();
                    return ExitCodes.OK;
                });
    }
}
