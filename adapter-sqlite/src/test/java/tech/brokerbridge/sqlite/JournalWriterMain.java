package tech.brokerbridge.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;

/**
 * The child process of {@link JournalKillTest}: writes to the journal in {@code args[0]} in a loop
 * and prints a line on stdout after each write is acknowledged ({@code pending|approved|done <n>}),
 * until it is killed, its parent closes stdin, or it reaches a safety cap.
 */
public final class JournalWriterMain {
    static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    private static final int SAFETY_CAP = 20_000;

    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        exitWhenParentGoes(System.in);
        // a test child reports to its parent on stdout: that is the protocol, not logging
        PrintStream acks = System.out;
        try (ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(Path.of(args[0])))) {
            for (int n = 0; n < SAFETY_CAP; n++) {
                writeOne(journal, n, acks);
            }
        }
    }

    private static void writeOne(Journal journal, int n, PrintStream acks) {
        Proposal pending = pending(n);
        journal.saveProposal(pending);
        ack(acks, "pending", n);
        journal.saveProposalWithApproval(approved(n), approval(n));
        ack(acks, "approved", n);
        journal.saveOrder(order(n));
        journal.recordFill(fill(n));
        journal.recordAiExchange(exchange(n));
        ack(acks, "done", n);
    }

    private static void ack(PrintStream acks, String what, int n) {
        acks.println(what + " " + n);
        acks.flush();
    }

    private static void exitWhenParentGoes(InputStream in) {
        Thread watchdog = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the parent writes nothing; EOF means it is gone
                }
            } catch (IOException e) {
                // stdin broken: the parent is gone too
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static Proposal pending(int n) {
        return JournalSamples.proposal(n, T0.plusSeconds(n), ProposalStatus.PENDING);
    }

    static Proposal approved(int n) {
        return pending(n).withStatus(ProposalStatus.APPROVED, T0.plusSeconds(n).plusMillis(500), "approved by user");
    }

    static ApprovalRecord approval(int n) {
        Proposal p = pending(n);
        return new ApprovalRecord(T0.plusSeconds(n).plusMillis(500), p.proposalId(), p.symbol(),
                ApprovalRecord.Action.MODIFY, p.quantity(), p.stopPrice(), p.targetPrice(), OptionalLong.of(n + 1L),
                OptionalDouble.of(p.stopPrice() - 0.5), OptionalDouble.empty(), "tighter size");
    }

    static OrderRecord order(int n) {
        Proposal p = pending(n);
        return new OrderRecord(p.proposalId(), p.symbol(), p.direction(), p.quantity(), p.entryPrice(), p.stopPrice(),
                p.targetPrice(), OrderRecord.State.ACCEPTED, List.of("1" + n, "2" + n, "3" + n), "working",
                T0.plusSeconds(n), T0.plusSeconds(n).plusMillis(600));
    }

    static FillRecord fill(int n) {
        Proposal p = pending(n);
        return new FillRecord("exec-" + n, p.proposalId(), OrderLeg.ENTRY, p.symbol(), p.quantity(), p.entryPrice(),
                T0.plusSeconds(n).plusMillis(700));
    }

    static AiExchange exchange(int n) {
        return new AiExchange(T0.plusSeconds(n), "offline", "rules-v1", "local:rules", "{\"n\":" + n + "}", 200,
                "{\"verdict\":\"approve\"}", Duration.ofMillis(n), OptionalLong.of(n), OptionalLong.empty());
    }
}
