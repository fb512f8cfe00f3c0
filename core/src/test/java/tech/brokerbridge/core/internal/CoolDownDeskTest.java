package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.longSetup;
import static tech.brokerbridge.core.internal.Harness.setup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

/**
 * Issue 10.6: a rejected (or expired) proposal is not proposed again until its setup changes
 * materially or its cool-down ends; the decision log says why. The harness's clock starts on Monday
 * 2026-01-05 at 10:00 in New York, so the default cool-down ends at 16:00 New York (21:00 UTC).
 */
class CoolDownDeskTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aRejectedSetupIsSuppressedForTheRestOfTheTradingDayEvenAcrossARestart() {
        h.start();
        Proposal p = h.propose("AAPL");
        assertInstanceOf(ActionResult.Done.class, h.desk.reject(p.proposalId(), Optional.of("too extended")));
        int asked = h.advisor.requests().size();

        h.clock.advance(Duration.ofSeconds(18));
        DecisionRecord d = only(scan("AAPL", longSetup("AAPL")), "AAPL");
        assertEquals("suppressed", d.outcome());
        assertTrue(d.reason().startsWith("suppressed: rejected at 2026-01-05T15:00:00Z (proposal " + p.proposalId()
                + "); cooling down until 2026-01-05T21:00:00Z"), d.reason());
        assertEquals(Optional.empty(), d.proposalId());
        assertEquals(asked, h.advisor.requests().size(), "a suppressed setup never goes to the advisor");
        assertEquals(List.of(d), h.desk.decisions(h.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                .stream().filter(x -> x.outcome().equals("suppressed")).toList());

        h.restart();
        h.clock.advance(Duration.ofHours(5).plusMinutes(59)); // 15:59 New York
        assertEquals("suppressed", only(scan("AAPL", longSetup("AAPL")), "AAPL").outcome(), "kept across a restart");

        h.clock.advance(Duration.ofMinutes(1)); // the close
        assertEquals("proposed", only(scan("AAPL", longSetup("AAPL")), "AAPL").outcome());
    }

    @Test
    void aMateriallyChangedSetupOrAnotherSetupTypeIsProposedAtOnce() {
        h.start();
        Proposal p = h.propose("AAPL"); // entry 100, stop 98
        h.desk.reject(p.proposalId(), Optional.empty());

        DecisionRecord moved = only(scan("AAPL", setup("AAPL", "breakout", Direction.LONG, 0.8, 0.7, 101.5, 99.5,
                105.5)), "AAPL");
        assertEquals("proposed", moved.outcome(), "the entry moved by 1.5, more than half the risk of 2");
        h.desk.reject(moved.proposalId().orElseThrow(), Optional.empty());

        DecisionRecord other = only(scan("AAPL", setup("AAPL", "pullback_buy", Direction.LONG, 0.8, 0.7, 101.5, 99.5,
                105.5)), "AAPL");
        assertEquals("proposed", other.outcome(), "another setup type");
    }

    @Test
    void anExpiredProposalIsSuppressedToo() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.clock.advance(Duration.ofMinutes(30));
        h.desk.runMaintenance();
        Harness.assertStatus("expired", h.reload(p));

        DecisionRecord d = only(scan("AAPL", longSetup("AAPL")), "AAPL");
        assertEquals("suppressed", d.outcome());
        assertTrue(d.reason().startsWith("suppressed: expired at 2026-01-05T15:30:00Z"), d.reason());
    }

    @Test
    void aCoolDownInMinutesEndsAfterThem() {
        h.config = h.config.withProposalCooldown(Duration.ofMinutes(45));
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.reject(p.proposalId(), Optional.empty());
        h.clock.advance(Duration.ofMinutes(44));
        assertEquals("suppressed", only(scan("AAPL", longSetup("AAPL")), "AAPL").outcome());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals("proposed", only(scan("AAPL", longSetup("AAPL")), "AAPL").outcome());
    }

    @Test
    void aReconfiguredLengthAppliesToTheNextRejection() {
        h.start();
        h.desk.reconfigure(h.config.withProposalCooldown(Duration.ofMinutes(10)));
        Proposal p = h.propose("AAPL");
        h.desk.reject(p.proposalId(), Optional.empty());
        h.clock.advance(Duration.ofMinutes(10));
        assertEquals("proposed", only(scan("AAPL", longSetup("AAPL")), "AAPL").outcome());
    }

    @Test
    void aSuppressedSetupLeavesItsSiblingsScoresAsTheyWere() {
        h.start();
        Setup breakout = longSetup("AAPL");
        Setup pullback = setup("AAPL", "pullback_buy", Direction.LONG, 0.6, 0.6, 100, 98, 104);
        ScanReport first = scan("AAPL", breakout, pullback);
        DecisionRecord proposed = first.decisions().stream().filter(x -> x.setupType().equals("breakout"))
                .findFirst().orElseThrow();
        DecisionRecord siblingBefore = first.decisions().stream().filter(x -> x.setupType().equals("pullback_buy"))
                .findFirst().orElseThrow();
        h.desk.reject(proposed.proposalId().orElseThrow(), Optional.empty());

        assertEquals("not_selected", siblingBefore.outcome(), "one candidate per symbol: the better one");

        ScanReport second = scan("AAPL", breakout, pullback);
        assertEquals("suppressed", second.decisions().stream().filter(x -> x.setupType().equals("breakout"))
                .findFirst().orElseThrow().outcome());
        DecisionRequest asked = h.advisor.requests().get(h.advisor.requests().size() - 1);
        assertEquals("pullback_buy", asked.setupType());
        assertEquals(siblingBefore.compositeScore(), asked.scores().compositeScore(), 0.0,
                "both setups still agree on the direction: the sibling's signal conviction is unchanged");
    }

    private ScanReport scan(String symbol, Setup... setups) {
        h.signals.script(symbol, setups);
        ScanReport r = h.desk.scanNow();
        h.signals.script(symbol);
        return r;
    }

    private static DecisionRecord only(ScanReport r, String symbol) {
        List<DecisionRecord> ds = r.decisions().stream().filter(d -> d.symbol().equals(symbol)).toList();
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }
}
