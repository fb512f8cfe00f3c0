package tech.brokerbridge.launcher.cli;

import picocli.CommandLine;

/** One-line errors of the commands, on the error stream. */
final class CliErrors {
    private CliErrors() {
    }

    /** Prints {@code brokerbridge: message} on the error stream and returns {@code code}. */
    static int fail(CommandLine cl, String message, int code) {
        return fail(cl.getErr(), message, code);
    }

    /** Prints {@code brokerbridge: message} on {@code err} and returns {@code code}. */
    static int fail(java.io.PrintWriter err, String message, int code) {
        err.println("brokerbridge: " + message);
        err.flush();
        return code;
    }
}
