package tech.brokerbridge.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Nothing lost: a child JVM writes to the journal and reports each acknowledged write; the test
 * kills it with SIGKILL mid-flow, reopens the file and finds every acknowledged write, exactly.
 */
class JournalKillTest {
    private static final int DONE_BEFORE_KILL = 25;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // an upper bound for a loaded machine, not a speed goal
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path data = dir.resolve("data");
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriterMain.class.getName(), data.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int done = 0;
            String line;
            while (done < DONE_BEFORE_KILL && (line = out.readLine()) != null) {
                acks.add(line);
                if (line.startsWith("done ")) {
                    done++;
                }
            }
            // SIGKILL while the child is still writing (it never stops on its own before the safety cap);
            // this also closes our end of its stdout, so acks printed after the last read are not checked
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(DONE_BEFORE_KILL, acks.stream().filter(a -> a.startsWith("done ")).count(),
                () -> "the child stopped early: " + acks + "\n" + readQuietly(stderr));
        assertNotEquals(0, child.exitValue(), "the child was killed, it did not finish");

        try (ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(data))) {
            for (String ack : acks) {
                int n = Integer.parseInt(ack.substring(ack.indexOf(' ') + 1));
                String id = JournalWriterMain.pending(n).proposalId();
                switch (ack.substring(0, ack.indexOf(' '))) {
                    case "pending" -> assertTrue(journal.findProposal(id).isPresent(), ack);
                    case "approved" -> {
                        assertEquals(Optional.of(JournalWriterMain.approved(n)), journal.findProposal(id), ack);
                        assertTrue(journal.approvals().contains(JournalWriterMain.approval(n)), ack);
                    }
                    case "done" -> {
                        assertEquals(Optional.of(JournalWriterMain.order(n)), journal.findOrder(id), ack);
                        assertEquals(List.of(JournalWriterMain.fill(n)), journal.fills(id), ack);
                        assertTrue(journal.aiAudit(500).contains(JournalWriterMain.exchange(n)), ack);
                    }
                    default -> throw new AssertionError("unexpected line from the child: " + ack);
                }
            }
            // and nothing is half-written: whatever else made it in is whole
            for (Proposal p : journal.proposals(ProposalQuery.all(ProposalQuery.MAX_LIMIT)).proposals()) {
                int n = Integer.parseInt(p.proposalId().substring(4), 16);
                Proposal expected = p.status() == ProposalStatus.PENDING
                        ? JournalWriterMain.pending(n) : JournalWriterMain.approved(n);
                assertEquals(expected, p);
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
