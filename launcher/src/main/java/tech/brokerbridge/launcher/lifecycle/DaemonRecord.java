package tech.brokerbridge.launcher.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import tech.brokerbridge.ports.Require;

/**
 * Who holds the data directory's lock: {@value HomeLock#RECORD_FILE} beside {@value HomeLock#LOCK_FILE}.
 * Written by the holder; read by a second start, {@code brokerbridge status} and {@code stop}. It is
 * only true while the lock is held.
 *
 * @param pid the holder's process id
 * @param command what holds it: {@code serve} (a daemon) or {@code restore}
 * @param port the HTTP port once the daemon listens; empty while it starts
 * @param version the holder's BrokerBridge version
 * @param startedAt when the holder took the lock
 * @param processStart the holder process's start time as the OS reports it, to tell a reused pid apart
 */
public record DaemonRecord(long pid, String command, OptionalInt port, String version, Instant startedAt,
        Optional<Instant> processStart) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DaemonRecord {
        Require.nonNull("command", command, "port", port, "version", version, "startedAt", startedAt,
                "processStart", processStart);
    }

    /** This process, as {@code command}, without a port yet. */
    static DaemonRecord self(String command, String version, Instant now) {
        ProcessHandle me = ProcessHandle.current();
        return new DaemonRecord(me.pid(), command, OptionalInt.empty(), version, now, me.info().startInstant());
    }

    DaemonRecord withPort(int p) {
        return new DaemonRecord(pid, command, OptionalInt.of(p), version, startedAt, processStart);
    }

    /** "pid 1234, port 8080" (or "still starting" without a port), as messages name the holder. */
    public String describe() {
        return "pid " + pid + (port.isPresent() ? ", port " + port.getAsInt() : ", still starting");
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", pid);
        o.put("command", command);
        if (port.isPresent()) {
            o.put("port", port.getAsInt());
        }
        o.put("version", version);
        o.put("started_at", startedAt.toString());
        processStart.ifPresent(p -> o.put("process_start", p.toString()));
        return o.toString() + "\n";
    }

    /** The record in {@code file}; empty when there is none or it cannot be read (a torn or foreign file). */
    static Optional<DaemonRecord> read(Path file) {
        try {
            JsonNode o = JSON.readTree(Files.readString(file));
            if (o == null || !o.path("pid").canConvertToLong() || !o.path("started_at").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new DaemonRecord(o.get("pid").asLong(), o.path("command").asText("serve"),
                    o.path("port").isInt() ? OptionalInt.of(o.get("port").asInt()) : OptionalInt.empty(),
                    o.path("version").asText("unknown"), Instant.parse(o.get("started_at").asText()),
                    o.path("process_start").isTextual() ? Optional.of(Instant.parse(o.get("process_start").asText()))
                            : Optional.empty()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
