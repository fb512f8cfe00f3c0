package tech.brokerbridge.launcher.service;

import java.util.stream.Collectors;

/** The systemd user unit {@code brokerbridge.service}. */
public final class SystemdUnit {
    public static final String NAME = "brokerbridge.service";

    private SystemdUnit() {
    }

    /**
     * The unit's text: restarts on failure but not after a clean stop; a JVM stopped by SIGTERM (143)
     * counts as clean; an invalid configuration (exit 2) is not retried; no secret in it (they come
     * from the owner-only environment file); sandboxed, with only the data directory writable.
     */
    public static String render(ServiceSpec spec) {
        String exec = spec.serveCommand().stream().map(SystemdUnit::execArg).collect(Collectors.joining(" "));
        return String.join("\n",
                "# Written by `brokerbridge service install`; `brokerbridge service uninstall` removes it.",
                "[Unit]",
                "Description=BrokerBridge trading desk (local API on 127.0.0.1)",
                "StartLimitIntervalSec=300",
                "StartLimitBurst=5",
                "",
                "[Service]",
                "Type=exec",
                "ExecStart=" + exec,
                "Environment=" + quoted("BROKERBRIDGE_HOME=" + spec.home()),
                "# secrets such as BROKERBRIDGE_ADMIN_TOKEN come only from this owner-only file (\"-\": it may be absent)",
                "EnvironmentFile=-" + escapePercent(spec.environmentFile().toString()),
                "Restart=on-failure",
                "RestartSec=10",
                "# 143 = 128 + SIGTERM: the JVM's exit status after a graceful stop; 2 = invalid configuration,",
                "# which restarting cannot fix",
                "SuccessExitStatus=143",
                "RestartPreventExitStatus=2",
                "TimeoutStopSec=" + spec.stopTimeoutSeconds(),
                "UMask=0077",
                "NoNewPrivileges=yes",
                "PrivateTmp=yes",
                "ProtectSystem=strict",
                "ReadWritePaths=" + quoted(spec.home().toString()),
                "",
                "[Install]",
                "WantedBy=default.target",
                "");
    }

    /** A word of ExecStart=: quoted, with systemd's specifier ({@code %}) and variable ({@code $}) escapes. */
    static String execArg(String s) {
        return quoted(s).replace("$", "$$");
    }

    private static String quoted(String s) {
        return "\"" + escapePercent(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escapePercent(String s) {
        return s.replace("%", "%%");
    }
}
