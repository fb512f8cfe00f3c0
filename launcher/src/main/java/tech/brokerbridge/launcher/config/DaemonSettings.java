package tech.brokerbridge.launcher.config;

import java.util.List;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;

/** The settings the launcher itself consumes: which broker adapter to wire, and how long a stop may take. */
public final class DaemonSettings {
    /** Read by the broker module, which wires the paper market or the IB adapter. */
    public static final Setting<String> BROKER_KIND = Setting.choice("broker.kind", List.of("paper", "ibkr"), "paper",
            "broker adapter: the simulated paper account or Interactive Brokers through IB Gateway / TWS")
            .withAliases("BROKERBRIDGE_BROKER");
    /** Read by the lifecycle: the HTTP server's grace on stop. */
    public static final Setting<Integer> SHUTDOWN_GRACE_SECONDS = Setting.integer("shutdown_grace_seconds", 0, 300, 10,
            "on SIGINT/SIGTERM, how long in-flight requests may finish");
    public static final SettingGroup SETTINGS = SettingGroup.of("launcher",
            List.of(SHUTDOWN_GRACE_SECONDS, BROKER_KIND));

    private DaemonSettings() {
    }
}
