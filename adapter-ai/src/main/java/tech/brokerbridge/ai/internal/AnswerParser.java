package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;

/**
 * Checks a model's answer text against the decision contract: exactly one JSON object (nothing
 * around it, no duplicate or unknown fields) with {@code decision} approve|reject, {@code conviction}
 * in [0,1], a plain {@code thesis_summary} of at most 600 characters, and optional prices that keep
 * the stop and target on the right sides of the entry and stay within 20 % of the setup's prices.
 */
final class AnswerParser {
    private static final Set<String> FIELDS = Set.of("decision", "conviction", "thesis_summary",
            "entry_price", "stop_price", "target_price");
    private static final double MAX_PRICE_DEVIATION = 0.20;

    private AnswerParser() {
    }

    /** A valid answer, or why it is not. */
    sealed interface Parsed permits Valid, Invalid {
    }

    record Valid(Advice.Verdict verdict, double conviction, String thesis, OptionalDouble entry, OptionalDouble stop,
            OptionalDouble target) implements Parsed {
        Advice toAdvice(List<AiExchange> exchanges) {
            return new Advice(verdict, conviction, thesis, entry, stop, target, exchanges);
        }
    }

    record Invalid(String reason) implements Parsed {
        Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Parsed parse(String text, DecisionRequest request) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Invalid("the answer is empty");
        }
        if (!(t.startsWith("{") && t.endsWith("}"))) {
            return new Invalid("the answer must be exactly one JSON object with no text around it");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            return new Invalid("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return new Invalid("the answer must be one JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                return new Invalid("unexpected field \"" + Texts.truncate(Texts.plain(f), 40) + "\"");
            }
        }
        JsonNode decision = root.get("decision");
        if (decision == null || !decision.isTextual()
                || !(decision.asText().equals("approve") || decision.asText().equals("reject"))) {
            return new Invalid("\"decision\" must be \"approve\" or \"reject\"");
        }
        JsonNode conviction = root.get("conviction");
        if (conviction == null || !conviction.isNumber() || !(conviction.asDouble() >= 0 && conviction.asDouble() <= 1)) {
            return new Invalid("\"conviction\" must be a number from 0 to 1");
        }
        JsonNode thesis = root.get("thesis_summary");
        if (thesis == null || !thesis.isTextual() || thesis.asText().isBlank()) {
            return new Invalid("\"thesis_summary\" must be non-empty text");
        }
        String summary = thesis.asText().strip();
        if (summary.length() > Advice.MAX_THESIS_CHARS) {
            return new Invalid("\"thesis_summary\" has " + summary.length() + " characters, at most "
                    + Advice.MAX_THESIS_CHARS + " are allowed");
        }
        if (summary.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            return new Invalid("\"thesis_summary\" must be plain text without control characters");
        }
        return prices(root, request, decision.asText(), conviction.asDouble(), summary);
    }

    private static Parsed prices(JsonNode root, DecisionRequest request, String decision, double conviction,
            String summary) {
        double[] setup = {request.prices().entry(), request.prices().stop(), request.prices().target()};
        OptionalDouble[] adjusted = new OptionalDouble[3];
        for (int i = 0; i < 3; i++) {
            String name = AnswerSchema.PRICES.get(i);
            JsonNode v = root.get(name);
            if (v == null || v.isNull()) {
                adjusted[i] = OptionalDouble.empty();
                continue;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= 0) {
                return new Invalid("\"" + name + "\" must be a positive number or null");
            }
            double p = v.asDouble();
            if (Math.abs(p - setup[i]) > MAX_PRICE_DEVIATION * Math.abs(setup[i])) {
                return new Invalid("\"" + name + "\" " + p + " is more than 20% away from the setup's " + setup[i]);
            }
            adjusted[i] = OptionalDouble.of(p);
        }
        Advice.Verdict verdict = Advice.Verdict.valueOf(decision.toUpperCase(Locale.ROOT));
        Valid valid = new Valid(verdict, conviction, summary, adjusted[0], adjusted[1], adjusted[2]);
        if (adjusted[0].isEmpty() && adjusted[1].isEmpty() && adjusted[2].isEmpty()) {
            return valid; // the setup's own prices are the core's business, not the answer's
        }
        double entry = adjusted[0].orElse(setup[0]);
        double stop = adjusted[1].orElse(setup[1]);
        double target = adjusted[2].orElse(setup[2]);
        int sign = request.direction().sign();
        String side = request.direction().wire();
        if (!(sign * (entry - stop) > 0)) {
            return new Invalid("for a " + side + " trade the stop (" + stop + ") must be "
                    + (sign > 0 ? "below" : "above") + " the entry (" + entry + ")");
        }
        if (!(sign * (target - entry) > 0)) {
            return new Invalid("for a " + side + " trade the target (" + target + ") must be "
                    + (sign > 0 ? "above" : "below") + " the entry (" + entry + ")");
        }
        return valid;
    }
}
