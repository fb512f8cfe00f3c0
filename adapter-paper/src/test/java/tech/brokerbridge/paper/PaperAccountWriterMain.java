package tech.brokerbridge.paper;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * The child process of {@link PaperAccountKillTest}: opens the paper account in {@code args[0]} and
 * submits brackets until killed, printing each acknowledgement as soon as the call returns:
 * {@code accepted <ref> <entry id> <stop id> <target id>} and {@code cancelled <ref> <legs>}.
 * Even brackets are marketable (their entry fills at once), odd ones rest; every fourth cancels the one before.
 */
public final class PaperAccountWriterMain {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);

    /** The account in {@code dir}, without commissions: the test checks cash against the fills alone. */
    static PaperConfig config(Path dir) {
        return PaperConfig.persistentIn(dir).withCommissions(0, 0);
    }
    static final String SYMBOL = "AAPL";
    static final int SAFETY_CAP = 5_000;

    private PaperAccountWriterMain() {
    }

    static String ref(int i) {
        return "kill-" + i;
    }

    static BracketOrder bracket(int i) {
        double entry = i % 2 == 0 ? 100.5 : 99.0;
        return new BracketOrder(ref(i), SYMBOL, Direction.LONG, 1 + i % 3, entry, 90, 110);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        SimulatedMarket market = new SimulatedMarket(config(Path.of(args[0])), CLOCK);
        market.exchange().forcePrice(SYMBOL, 100.0);
        for (int i = 0; i < SAFETY_CAP; i++) {
            SubmitResult r = market.broker().submitBracket(bracket(i));
            if (!(r instanceof SubmitResult.Accepted a)) {
                out.println("refused " + r);
                System.exit(3);
                return;
            }
            out.println("accepted " + a.orderRef() + " " + String.join(" ", a.brokerOrderIds()));
            if (i % 4 == 3) {
                int legs = market.broker().cancel(ref(i - 1));
                out.println("cancelled " + ref(i - 1) + " " + legs);
            }
        }
        out.println("finished");
    }
}
