package tech.brokerbridge.launcher.service;

import java.util.List;
import java.util.stream.Collectors;

/** The launchd agent {@code ~/Library/LaunchAgents/tech.brokerbridge.desk.plist} (macOS). */
public final class LaunchdAgent {
    public static final String LABEL = "tech.brokerbridge.desk";
    public static final String FILE = LABEL + ".plist";
    /**
     * launchd has no environment file: a POSIX shell exports the owner-only file's {@code KEY=VALUE}
     * lines, then becomes the desk ({@code exec}), so that no secret is written into the plist.
     */
    static final String WRAPPER = "set -a; if [ -r \"$0\" ]; then . \"$0\"; fi; set +a; exec \"$@\"";

    private LaunchdAgent() {
    }

    /**
     * The plist: started at login (RunAtLoad), started again only after an unsuccessful exit
     * (KeepAlive/SuccessfulExit false), files created owner-only (Umask 077), launchd's own output
     * into the logs directory.
     */
    public static String render(ServiceSpec spec) {
        List<String> args = new java.util.ArrayList<>(List.of("/bin/sh", "-c", WRAPPER,
                spec.environmentFile().toString()));
        args.addAll(spec.serveCommand());
        String launchdLog = spec.home().resolve("logs").resolve("launchd.log").toString();
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">",
                "<!-- Written by `brokerbridge service install`; `brokerbridge service uninstall` removes it. -->",
                "<plist version=\"1.0\">",
                "<dict>",
                "  <key>Label</key><string>" + LABEL + "</string>",
                "  <key>ProgramArguments</key>",
                "  <array>",
                args.stream().map(a -> "    <string>" + xml(a) + "</string>").collect(Collectors.joining("\n")),
                "  </array>",
                "  <key>EnvironmentVariables</key>",
                "  <dict><key>BROKERBRIDGE_HOME</key><string>" + xml(spec.home().toString()) + "</string></dict>",
                "  <key>RunAtLoad</key><true/>",
                "  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>",
                "  <key>ThrottleInterval</key><integer>10</integer>",
                "  <key>ExitTimeOut</key><integer>" + spec.stopTimeoutSeconds() + "</integer>",
                "  <key>ProcessType</key><string>Background</string>",
                "  <key>Umask</key><integer>63</integer>",
                "  <key>StandardOutPath</key><string>" + xml(launchdLog) + "</string>",
                "  <key>StandardErrorPath</key><string>" + xml(launchdLog) + "</string>",
                "</dict>",
                "</plist>",
                "");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
