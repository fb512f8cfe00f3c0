package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tech.brokerbridge.launcher.service.CommandRunner;

/** {@code brokerbridge service status}: exit 0 when the login service is installed and running, 1 otherwise. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the login service is installed, enabled and running (exit 0 only when running).")
public final class ServiceStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return ServiceCommand.withDefinition(spec.commandLine(),
                definition -> "not installed (no " + definition + "); `brokerbridge service install` sets it up",
                ExitCodes.FAILURE, (service, definition, out) -> {
                    out.println("installed: " + definition);
                    List<CommandRunner.Result> checks = ServiceCommand.runAll(service.status(), out);
                    boolean running = checks.get(checks.size() - 1).ok();
                    out.println(running ? "running" : "not running");
                    out.flush();
                    return running ? ExitCodes.OK : ExitCodes.FAILURE;
                });
    }
}
