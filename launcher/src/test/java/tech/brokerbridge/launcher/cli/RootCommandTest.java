package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command builds only the subcommand it runs (start-up time); the usage and help still list them all. */
class RootCommandTest {
    private static Set<String> subcommands(CommandLine cl) {
        return cl.getSubcommands().keySet();
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("serve"), subcommands(RootCommand.commandLine("serve", "--port", "0")));
        assertEquals(Set.of("credentials"), subcommands(RootCommand.commandLine("--verbose", "credentials", "list")));
        assertEquals(Set.of("status"), subcommands(RootCommand.commandLine("status")));
    }

    @Test
    void helpUsageAndUnknownWordsBuildEverySubcommand() {
        Set<String> all = Set.of("serve", "status", "stop", "backup", "restore", "credentials", "notifications",
                "service", "logs", "help");
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("--version"),
                List.of("help", "serve"), List.of("no-such-command"))) {
            assertEquals(all, subcommands(RootCommand.commandLine(args.toArray(String[]::new))), args.toString());
        }
        assertEquals(all, subcommands(RootCommand.commandLine()));
    }
}
