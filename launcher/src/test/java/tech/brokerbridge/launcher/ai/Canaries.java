package tech.brokerbridge.launcher.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;

/**
 * Values the desk knows and must never send to an AI provider, and the search for them in what a
 * recording fake received: the URL, every header except the provider's own auth header (which must
 * hold exactly the provider's own key), and the body.
 */
final class Canaries {
    /** Names of account and position fields: none of them belongs in a decision request. */
    private static final List<String> FIELD_NAMES = List.of("net_liquidation", "buying_power", "available_funds",
            "unrealized_pnl", "realized_pnl", "average_cost", "market_value", "market_price", "\"quantity\"",
            "\"positions\"", "\"cash\"", "installation", "proposal_id", "prp-", "order_ref", "api_key", "license_key");
    private final Set<String> values = new LinkedHashSet<>(FIELD_NAMES);

    /** Plants a literal value. */
    Canaries add(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank canary would match everything");
        }
        values.add(value);
        return this;
    }

    /**
     * An amount as the desk knows it: its JSON text and its whole part. Amounts under 1000 are left
     * out: their few digits also occur by chance in bar prices and volumes.
     */
    Canaries amount(JsonNode number) {
        double v = Math.abs(number.asDouble());
        if (v >= 1000) {
            add(number.asText().replace("-", ""));
            add(new BigDecimal(v).toBigInteger().toString());
        }
        return this;
    }

    /** Everything {@code GET /api/portfolio} shows: amounts of the account, symbol, cost and value of each position. */
    Canaries portfolio(JsonNode portfolio) {
        portfolio.path("account").forEach(field -> {
            if (field.isNumber()) {
                amount(field);
            }
        });
        for (JsonNode p : portfolio.path("positions")) {
            add(p.path("symbol").asText());
            amount(p.path("market_value"));
            add(p.path("average_cost").asText());
        }
        return this;
    }

    Set<String> values() {
        return Set.copyOf(values);
    }

    /**
     * Where any of {@code canaries} appears in what {@code api}'s fake received; empty when nowhere.
     * {@code ownKey} may appear in the provider's auth header only, and that header must be exactly it.
     */
    static List<String> leaks(ProviderApi api, String ownKey, List<FakeProviderServer.Recorded> sent, Set<String> canaries) {
        List<String> found = new ArrayList<>();
        Set<String> withOwnKey = new LinkedHashSet<>(canaries);
        withOwnKey.add(ownKey);
        Set<String> others = new LinkedHashSet<>(canaries);
        others.remove(ownKey);
        for (FakeProviderServer.Recorded r : sent) {
            String call = r.method() + " " + r.target();
            search(call, "URL", r.target(), withOwnKey, found);
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                if (h.getKey().equals(api.authHeader())) {
                    if (!h.getValue().equals(List.of(api.authValue(ownKey)))) {
                        found.add(call + ": auth header " + h.getKey() + " is not exactly the provider's own key");
                    }
                    search(call, "auth header", h.getValue().toString(), others, found);
                } else {
                    search(call, "header " + h.getKey(), String.join("\n", h.getValue()), withOwnKey, found);
                }
            }
            search(call, "body", r.body(), withOwnKey, found);
        }
        return found;
    }

    private static void search(String call, String where, String text, Set<String> canaries, List<String> found) {
        for (String c : canaries) {
            if (text.contains(c)) {
                found.add(call + ": '" + c + "' in the " + where);
            }
        }
    }
}
