package tech.brokerbridge.core.internal.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a scan's setups and picks the ones that go to the advisor: the best setup of each symbol
 * (a symbol gets at most one proposal per scan), then the best {@code maxCandidates} of those, by
 * composite score (ties: symbol, then setup type, so the choice is deterministic). Every other setup
 * is kept with the reason it was not selected.
 */
public record CandidateSelection(List<ScoredSetup> selected, List<Rejected> notSelected) {
    public CandidateSelection {
        selected = List.copyOf(selected);
        notSelected = List.copyOf(notSelected);
    }

    /** A setup that does not go to the advisor, and why. */
    public record Rejected(ScoredSetup scored, String reason) {
    }

    private static final Comparator<ScoredSetup> BEST_FIRST = Comparator
            .comparingDouble(ScoredSetup::compositeScore).reversed()
            .thenComparing(s -> s.setup().symbol())
            .thenComparing(s -> s.setup().setupType())
            .thenComparing(s -> s.setup().direction());

    public static CandidateSelection select(List<ScoredSetup> scored, int maxCandidates) {
        List<ScoredSetup> sorted = new ArrayList<>(scored);
        sorted.sort(BEST_FIRST);
        Map<String, ScoredSetup> bestPerSymbol = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ScoredSetup s : sorted) {
            ScoredSetup best = bestPerSymbol.putIfAbsent(s.setup().symbol(), s);
            if (best != null) {
                rejected.add(new Rejected(s, String.format(Locale.ROOT,
                        "a better-scored setup on %s was chosen (%s %s, %.2f)", best.setup().symbol(),
                        best.setup().setupType(), best.setup().direction().wire(), best.compositeScore())));
            }
        }
        List<ScoredSetup> selected = new ArrayList<>();
        int rank = 0;
        int total = bestPerSymbol.size();
        for (ScoredSetup s : bestPerSymbol.values()) {
            rank++;
            if (rank <= maxCandidates) {
                selected.add(s);
            } else {
                rejected.add(new Rejected(s, String.format(Locale.ROOT,
                        "ranked %d of %d symbols by composite score (%.2f); only the best %d go to the advisor",
                        rank, total, s.compositeScore(), maxCandidates)));
            }
        }
        return new CandidateSelection(selected, rejected);
    }
}
