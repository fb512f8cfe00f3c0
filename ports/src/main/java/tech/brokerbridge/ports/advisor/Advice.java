package tech.brokerbridge.ports.advisor;

import java.util.List;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * An advisor's valid answer.
 *
 * @param conviction in [0,1]
 * @param thesisSummary plain text, at most 600 characters
 * @param exchanges what was sent and received to reach this answer (empty for an offline advisor);
 *     the core writes them to the audit before it uses the answer
 */
public record Advice(Verdict verdict, double conviction, String thesisSummary, OptionalDouble entryPrice,
        OptionalDouble stopPrice, OptionalDouble targetPrice, List<AiExchange> exchanges) {
    public static final int MAX_THESIS_CHARS = 600;

    public Advice {
        Require.nonNull("verdict", verdict, "thesisSummary", thesisSummary, "entryPrice", entryPrice,
                "stopPrice", stopPrice, "targetPrice", targetPrice);
        exchanges = List.copyOf(exchanges);
        if (!(conviction >= 0 && conviction <= 1)) {
            throw new IllegalArgumentException("conviction must be in [0,1]");
        }
        if (thesisSummary.length() > MAX_THESIS_CHARS) {
            throw new IllegalArgumentException("thesis_summary longer than " + MAX_THESIS_CHARS);
        }
    }

    /** approve or reject. */
    public enum Verdict implements WireName {
        APPROVE, REJECT;
    }
}
