package tech.brokerbridge.launcher.cli;

import picocli.CommandLine;

/** One-line errors of the commands, on the error stream. */
final class CliErrors {
    private CliErrors() {
    }

    /** Prints {@code brokerbridge: message} on the error stream and returns {@code code}. */
    static int fail(CommandLine cl, String message, int code) {
        cl.getErr().println("brokerbridge: " + message);
        cl.getErr().flush();
        return code;
    }
}
