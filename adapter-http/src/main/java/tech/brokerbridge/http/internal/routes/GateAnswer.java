package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.Map;
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
}
