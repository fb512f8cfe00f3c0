package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.SetupConfig;

/**
 * Reads an update of the setup configuration ({@code POST /api/setup/config}; the answers are
 * {@link SetupConfigAnswer}s). Reading is strict: a malformed body or one that is not an object
 * is 400; unknown members are 400 and all named at once; members of the wrong JSON type are
 * collected as field errors (named by JSON path, e.g. {@code risk.max_open_trades}) so that they are
 * reported together with the desk's own checks. A member whose value is {@code null} is absent.
 */
final class SetupJson {
    static final Set<String> TOP = Set.of("ai_provider", "broker", "risk", "scoring", "trading_mode", "watchlist",
            "scan_interval_minutes", "max_ai_candidates", "proposal_ttl_minutes");
    static final Set<String> AI = Set.of("provider", "auth_type", "model");
    static final Set<String> BROKER = Set.of("kind", "host", "port", "client_id");
    static final Set<String> RISK = Set.of("max_position_size_pct", "max_open_trades", "max_portfolio_heat_pct",
            "max_daily_loss_pct", "min_reward_risk", "risk_per_trade_pct");
    static final Set<String> SCORING = Set.of("evidence_weight", "quality_weight", "conviction_weight");

    /** A read update and the members that had the wrong JSON type (absent from the update). */
    record Parsed(SetupConfig update, List<FieldError> typeErrors) {
    }

    private final List<FieldError> typeErrors = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();

    private SetupJson() {
    }

    static Parsed read(byte[] body) {
        JsonNode root = Json.parse(body);
        if (!root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        SetupJson r = new SetupJson();
        r.checkMembers("", root, TOP);
        Optional<JsonNode> ai = r.object(root, "", "ai_provider", AI);
        Optional<JsonNode> broker = r.object(root, "", "broker", BROKER);
        Optional<JsonNode> risk = r.object(root, "", "risk", RISK);
        Optional<JsonNode> scoring = r.object(root, "", "scoring", SCORING);
        if (!r.unknown.isEmpty()) {
            throw new ApiException(400, "bad_request", "unknown field(s): " + String.join(", ", r.unknown),
                    Map.of("field", r.unknown.get(0), "fields", List.copyOf(r.unknown)), Map.of());
        }
        SetupConfig update = new SetupConfig(
                ai.map(n -> new SetupConfig.AiProvider(r.text(n, "ai_provider.", "provider"),
                        r.text(n, "ai_provider.", "auth_type"), r.text(n, "ai_provider.", "model"))),
                broker.map(n -> new SetupConfig.Broker(r.text(n, "broker.", "kind"), r.text(n, "broker.", "host"),
                        r.integer(n, "broker.", "port"), r.integer(n, "broker.", "client_id"))),
                risk.map(n -> new SetupConfig.Risk(r.number(n, "risk.", "max_position_size_pct"),
                        r.integer(n, "risk.", "max_open_trades"), r.number(n, "risk.", "max_portfolio_heat_pct"),
                        r.number(n, "risk.", "max_daily_loss_pct"), r.number(n, "risk.", "min_reward_risk"),
                        r.number(n, "risk.", "risk_per_trade_pct"))),
                scoring.map(n -> new SetupConfig.Scoring(r.number(n, "scoring.", "evidence_weight"),
                        r.number(n, "scoring.", "quality_weight"), r.number(n, "scoring.", "conviction_weight"))),
                r.text(root, "", "trading_mode"), r.symbols(root),
                r.integer(root, "", "scan_interval_minutes"), r.integer(root, "", "max_ai_candidates"),
                r.integer(root, "", "proposal_ttl_minutes"));
        return new Parsed(update, List.copyOf(r.typeErrors));
    }

    private void checkMembers(String prefix, JsonNode node, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(prefix + (name.length() > 64 ? name.substring(0, 64) + "…" : name));
            }
        }
    }

    private Optional<JsonNode> object(JsonNode parent, String prefix, String name, Set<String> allowed) {
        Optional<JsonNode> v = typed(parent, prefix, name, JsonNode::isObject, "an object", n -> n);
        v.ifPresent(n -> checkMembers(prefix + name + ".", n, allowed));
        return v;
    }

    private Optional<String> text(JsonNode parent, String prefix, String name) {
        return typed(parent, prefix, name, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    private OptionalInt integer(JsonNode parent, String prefix, String name) {
        return typed(parent, prefix, name, v -> v.isIntegralNumber() && v.canConvertToInt(), "a whole number",
                JsonNode::intValue).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    private OptionalDouble number(JsonNode parent, String prefix, String name) {
        return typed(parent, prefix, name, JsonNode::isNumber, "a number", JsonNode::doubleValue)
                .map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }

    /**
     * The member read by {@code read}; absent when missing or null, and when not {@code is}, which is
     * also collected as a field error named by its JSON path.
     */
    private <T> Optional<T> typed(JsonNode parent, String prefix, String name, Predicate<JsonNode> is, String mustBe,
            Function<JsonNode, T> read) {
        JsonNode v = value(parent, name);
        if (v == null) {
            return Optional.empty();
        }
        if (!is.test(v)) {
            typeErrors.add(new FieldError(prefix + name, "'" + prefix + name + "' must be " + mustBe));
            return Optional.empty();
        }
        return Optional.of(read.apply(v));
    }

    private Optional<List<String>> symbols(JsonNode root) {
        JsonNode v = value(root, "watchlist");
        if (v == null) {
            return Optional.empty();
        }
        boolean ok = v.isArray();
        List<String> out = new ArrayList<>();
        if (ok) {
            for (JsonNode item : v) {
                ok &= item.isTextual();
                out.add(item.asText());
            }
        }
        if (!ok) {
            typeErrors.add(new FieldError("watchlist", "'watchlist' must be an array of ticker symbols (strings)"));
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static JsonNode value(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v;
    }
}
