package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;

/** The notification channels: what left the machine for them, and a test message. Both may block. */
final class NotificationRoutes {
    static final List<String> CHANNELS = List.of("ntfy", "telegram", "webhook", "email");
    private final TradingDesk desk;

    record Exchange(Instant time, String channel, String destination, String event, String outcome, String detail,
            String body) {
        static Exchange of(NotificationExchange x) {
            return new Exchange(x.time(), x.channel(), x.destination(), x.event(), x.outcome().wire(), x.detail(),
                    x.body());
        }
    }

    record Exchanges(List<Exchange> exchanges) {
    }

    record Tests(List<ChannelTest> results) {
    }

    private NotificationRoutes(TradingDesk desk) {
        this.desk = desk;
    }

    static void register(Router.Builder b, TradingDesk desk) {
        NotificationRoutes r = new NotificationRoutes(desk);
        b.route("GET", "/api/notifications/audit").query("limit").blocking().to(r::audit);
        b.route("POST", "/api/notifications/test").blocking().takesBody().to(r::test);
    }

    private ApiResponse audit(ApiRequest r) {
        int limit = Params.limit(r, JournalRoutes.DEFAULT_LIMIT, JournalRoutes.MAX_LIMIT);
        return ApiResponse.ok(new Exchanges(desk.notificationAudit(limit).stream().map(Exchange::of).toList()));
    }

    private ApiResponse test(ApiRequest r) {
        Optional<String> channel = JsonBody.optionalObject(r.body(), Set.of("channel")).stringField("channel");
        if (channel.isPresent() && !CHANNELS.contains(channel.get())) {
            throw ApiException.invalidValue("channel", "'channel' must be one of " + String.join(", ", CHANNELS));
        }
        List<ChannelTest> results = desk.testNotifications(channel);
        if (results.isEmpty()) {
            throw ApiException.notFound(channel.map(c -> "the " + c + " channel is not configured")
                    .orElse("no notification channel is configured") + " (see notifications.* in the README)");
        }
        return ApiResponse.ok(new Tests(results));
    }
}
