package tech.brokerbridge.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real daemon in a child JVM ({@code Main serve}), with the test class path, its own data
 * directory and environment; standard output and error are captured line by line.
 */
final class DaemonProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> pumps = new ArrayList<>();

    private DaemonProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), "out: ");
        pump(process.getErrorStream(), "err: ");
    }

    static DaemonProcess start(Path home, Map<String, String> env, String... args) throws IOException {
        return start(home, env, List.of(), args);
    }

    static DaemonProcess start(Path home, Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = isolated(new ProcessBuilder(cmd), home, "test-machine-id-0001");
        pb.environment().putAll(env);
        return new DaemonProcess(pb.start());
    }

    /** {@code pb} with none of this JVM's BROKERBRIDGE_* variables: its own data directory, file vault and machine id. */
    static ProcessBuilder isolated(ProcessBuilder pb, Path home, String machineId) {
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_"));
        pb.environment().put("BROKERBRIDGE_HOME", home.toString());
        pb.environment().put("BROKERBRIDGE_SECRETS_BACKEND", "file");
        pb.environment().put("BROKERBRIDGE_MACHINE_ID", machineId);
        return pb;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the "listening on" line and returns the port. */
    int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("daemon did not report its URL; output:\n" + String.join("\n", all));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("daemon did not exit; output:\n" + String.join("\n", all));
        }
        return process.exitValue();
    }

    String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    /** The lines the process wrote on standard error (so far). */
    List<String> errLines() {
        return linesWith("err: ");
    }

    /** The lines the process wrote on standard output (so far). */
    List<String> outLines() {
        return linesWith("out: ");
    }

    private List<String> linesWith(String prefix) {
        synchronized (all) {
            return all.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    /**
     * True when this process ignores SIGINT, as a shell's background job without job control does. A
     * child inherits that, and the JVM (like any well-behaved program) leaves an ignored SIGINT ignored,
     * so a Ctrl-C test cannot run here.
     */
    static boolean sigintIgnored() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("SigIgn:")).findFirst()
                    .map(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & 0x2) != 0).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends the process a real signal ({@code TERM}, {@code INT}, …) with {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Runs a command ({@code status}, {@code backup}, …) in a child JVM to its end; the finished process. */
    static DaemonProcess run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        DaemonProcess p = start(home, env, args);
        p.finish(Duration.ofSeconds(120));
        return p;
    }

    /** Waits for the exit, then (bounded) until the output pumps have read everything it wrote; the exit code. */
    int finish(Duration timeout) throws InterruptedException {
        int code = awaitExit(timeout);
        for (Thread t : pumps) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        return code;
    }

    private void pump(java.io.InputStream in, String prefix) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.add(prefix + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                all.add(prefix + "<stream closed: " + e + ">");
            }
        }, "daemon-pump");
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
