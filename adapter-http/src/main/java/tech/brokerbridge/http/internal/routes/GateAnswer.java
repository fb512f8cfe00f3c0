package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.GateResult;

/** One risk gate's result, as proposals, decisions and a {@code gates_failed} error show it. */
record GateAnswer(String gate, boolean passed, @Rounded.Figures Map<String, Double> compared, String reason) {

    static GateAnswer of(GateResult g) {
        return new GateAnswer(g.gate(), g.passed(), g.compared(), g.reason());
    }

    static List<GateAnswer> of(List<GateResult> gates) {
        return gates.stream().map(GateAnswer::of).toList();
    }

    /** The 422 {@code gates_failed} error: "{what} fails N {noun}(s); {consequence}", with every result. */
    static ApiException failed(List<GateResult> gates, String what, String noun, String consequence) {
        long failed = gates.stream().filter(x -> !x.passed()).count();
        return new ApiException(422, "gates_failed", what + " fails " + failed + " " + noun + "(s); " + consequence,
                Map.of("gates", of(gates)), Map.of());
    }
}
