package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tech.brokerbridge.launcher.service.CommandRunner;
import tech.brokerbridge.launcher.service.UserService;

/** {@code brokerbridge service status}: exit 0 when the login service is installed and running, 1 otherwise. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the login service is installed, enabled and running (exit 0 only when running).")
public final class ServiceStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<UserService> service = ServiceCommand.userService(spec.commandLine().getErr());
        if (service.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Path definition = service.get().definition();
        if (!Files.exists(definition)) {
            out.println("not installed (no " + definition + "); `brokerbridge service install` sets it up");
            out.flush();
            return ExitCodes.FAILURE;
        }
        out.println("installed: " + definition);
        List<CommandRunner.Result> checks = ServiceCommand.runAll(service.get().status(), out);
        boolean running = checks.get(checks.size() - 1).ok();
        out.println(running ? "running" : "not running");
        out.flush();
        return running ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
