package tech.brokerbridge.core.internal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.DeskConfig.ScoreWeights;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

class ScoringTest {
    static Setup setup(String symbol, String type, Direction dir, double e, double q) {
        return new Setup(symbol, type, dir, List.of(), e, q, 100, 98, 104);
    }

    @Test
    void compositeIsTheNormalizedWeightedSum() {
        CompositeScorer s = new CompositeScorer(new ScoreWeights(0.4, 0.35, 0.25));
        assertEquals(0.4 * 0.9 + 0.35 * 0.5 + 0.25 * 0.2, s.score(0.9, 0.5, 0.2), 1e-12);
        CompositeScorer unnormalized = new CompositeScorer(new ScoreWeights(1, 0.5, 0.5));
        assertEquals(0.5 * 1 + 0.25 * 0 + 0.25 * 0, unnormalized.score(1, 0, 0), 1e-12);
        assertEquals(1.0, s.score(1, 1, 1), 1e-12);
        assertEquals(0.0, s.score(0, 0, 0), 1e-12);
    }

    @Test
    void signalConvictionRewardsAgreementAndPunishesDissent() {
        Setup a = setup("AAPL", "breakout", Direction.LONG, 0.5, 0.5);
        Setup b = setup("AAPL", "pullback_buy", Direction.LONG, 0.5, 0.5);
        Setup c = setup("AAPL", "breakdown", Direction.SHORT, 0.5, 0.5);
        Setup other = setup("MSFT", "breakdown", Direction.SHORT, 0.5, 0.5);
        assertEquals(0.5, SignalConviction.of(a, List.of(a, other)), 1e-12, "lone setup");
        assertEquals(1.0, SignalConviction.of(a, List.of(a, b, other)), 1e-12, "two agree");
        assertEquals(0.25, SignalConviction.of(a, List.of(a, c)), 1e-12, "one against one");
        assertEquals(2.0 / 3.0, SignalConviction.of(a, List.of(a, b, c)), 1e-12, "two against one");
    }

    private static ScoredSetup scored(String symbol, String type, double composite) {
        return new ScoredSetup(setup(symbol, type, Direction.LONG, 0.5, 0.5), 0.5, composite);
    }

    @Test
    void selectsTheBestPerSymbolThenTheTopN() {
        List<ScoredSetup> all = new ArrayList<>(List.of(scored("AAPL", "breakout", 0.9), scored("AAPL", "reversal", 0.95),
                scored("MSFT", "breakout", 0.7), scored("NVDA", "breakout", 0.8), scored("AMZN", "breakout", 0.6)));
        CandidateSelection sel = CandidateSelection.select(all, 3);
        assertEquals(List.of("AAPL/reversal", "NVDA/breakout", "MSFT/breakout"),
                sel.selected().stream().map(s -> s.setup().symbol() + "/" + s.setup().setupType()).toList());
        assertEquals(2, sel.notSelected().size());
        assertTrue(sel.notSelected().stream().anyMatch(r -> r.scored().setup().setupType().equals("breakout")
                && r.scored().setup().symbol().equals("AAPL") && r.reason().contains("better-scored setup on AAPL")));
        assertTrue(sel.notSelected().stream().anyMatch(r -> r.scored().setup().symbol().equals("AMZN")
                && r.reason().contains("ranked 4 of 4")));
    }

    @Test
    void tiesAreBrokenBySymbolSoTheChoiceIsDeterministic() {
        List<ScoredSetup> all = List.of(scored("MSFT", "breakout", 0.7), scored("AAPL", "breakout", 0.7));
        CandidateSelection sel = CandidateSelection.select(all, 1);
        assertEquals("AAPL", sel.selected().get(0).setup().symbol());
        assertEquals("MSFT", sel.notSelected().get(0).scored().setup().symbol());
    }
}
