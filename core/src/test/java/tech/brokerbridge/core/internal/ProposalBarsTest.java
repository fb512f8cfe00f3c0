package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;

class ProposalBarsTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aProposalsChartHasTheLastBarsTheScanReadAlsoAfterARestart() {
        h.start();
        Proposal p = h.propose("AAPL");
        List<Bar> read = h.market.bars(BarRequest.dailyYear("AAPL"));
        List<Bar> expected = read.subList(read.size() - 120, read.size());
        assertEquals(Optional.of(expected), h.desk.proposalBars(p.proposalId()));
        int callsBefore = h.market.requests().size();
        h.restart();
        assertEquals(Optional.of(expected), h.desk.proposalBars(p.proposalId()), "read again, cut at its time");
        assertTrue(h.market.requests().size() > callsBefore, "after a restart the bars are read again");
        assertEquals(Optional.empty(), h.desk.proposalBars("prp-000000000000"));
    }
}
