package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code /openapi.json} says about each route beyond what the route table knows: a summary, the
 * request body and answer types, and the error statuses that are particular to it. The table is kept
 * beside the routes; a test fails when a route is missing here or this names a route that does not exist.
 */
final class ApiDocs {
    private ApiDocs() {
    }

    /**
     * @param body the request body's type, if the route reads one
     * @param answer the 200 answer's type (a record written as JSON), when {@code contentType} is JSON
     * @param errors statuses particular to the route (the pipeline's own — 400, 403, 429, … — are added
     *     from its attributes)
     */
    record Doc(String tag, String summary, Optional<Type> body, Optional<Type> answer, String contentType,
            List<Integer> errors) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ApproveBody(OptionalLong quantity, OptionalDouble stopPrice, OptionalDouble targetPrice) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record RejectBody(Optional<String> reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record KillSwitchBody(Optional<Boolean> cancelOpenOrders, Optional<Boolean> flatten, Optional<String> confirm,
            Optional<String> reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record CloseBody(OptionalLong quantity, OptionalDouble limitPrice, Optional<String> reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ReasonBody(Optional<String> reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ModifyBody(OptionalDouble stopPrice, OptionalDouble targetPrice, Optional<Boolean> stopToBreakeven,
            OptionalDouble trailingPercent, OptionalDouble trailingAmount, Optional<String> reason) {
    }

    record CredentialBody(String provider, String authType, String credential) {
    }

    record IbkrBody(String host, int port, int clientId) {
    }

    record ActivateBody(String licenseKey, String stripeKey) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record NotificationTestBody(Optional<String> channel) {
    }

    static final String JSON = "application/json";
    private static final Map<String, Doc> DOCS = new LinkedHashMap<>();
    static final Map<String, String> QUERY = Map.of(
            "status", "only proposals with this status: pending, approved, rejected, executing, executed, expired, failed",
            "date", "a UTC day, YYYY-MM-DD",
            "limit", "at most this many items",
            "cursor", "the next_cursor of the previous page",
            "from", "the first UTC day, YYYY-MM-DD (default: 30 days before 'to')",
            "to", "the last UTC day, YYYY-MM-DD (default: today)");

    private static void json(String method, String path, String tag, String summary, Type answer, Integer... errors) {
        DOCS.put(method + " " + path, new Doc(tag, summary, Optional.empty(), Optional.of(answer), JSON, List.of(errors)));
    }

    private static void body(String method, String path, String tag, String summary, Type body, Type answer,
            Integer... errors) {
        DOCS.put(method + " " + path, new Doc(tag, summary, Optional.of(body), Optional.of(answer), JSON,
                List.of(errors)));
    }

    private static void other(String method, String path, String tag, String summary, String contentType) {
        DOCS.put(method + " " + path, new Doc(tag, summary, Optional.empty(), Optional.empty(), contentType, List.of()));
    }

    static {
        json("GET", "/api/health", "system", "What is true now: trading loop, scans, kill switch, broker, AI, license, secrets",
                HealthAnswer.class);
        json("GET", "/api/license", "license", "The license state", LicenseAnswer.class);
        other("GET", "/api/events", "system", "The desk's events as Server-Sent Events (event name = type, data = JSON "
                + "with id, type, time and the event's members); send Last-Event-ID to get what you missed; a "
                + "'ready' event follows the replay; a ': heartbeat' comment every 15 s", "text/event-stream");
        json("POST", "/api/scan", "trading", "Scan the watchlist now; answers the scan's decisions", ScanAnswer.class);
        json("GET", "/api/proposals", "proposals", "Proposals, newest first, paged", ProposalRoutes.Page.class);
        json("GET", "/api/proposals/{id}", "proposals", "One proposal with its gates and status history",
                ProposalAnswer.class, 404);
        json("GET", "/api/proposals/{id}/bars", "proposals", "The daily bars the scan read for the proposal (its chart)",
                ProposalRoutes.Bars.class, 404);
        body("POST", "/api/proposals/{id}/approve", "proposals", "Approve as is, or modified (the gates run again)",
                ApproveBody.class, ProposalAnswer.class, 404, 409, 422);
        body("POST", "/api/proposals/{id}/reject", "proposals", "Reject, with an optional reason", RejectBody.class,
                ProposalAnswer.class, 404, 409, 422);
        json("GET", "/api/portfolio", "journal", "Account summary and positions", PortfolioAnswer.class);
        json("GET", "/api/orders", "journal", "The desk's bracket orders, newest first", JournalRoutes.Orders.class);
        json("GET", "/api/decisions", "journal", "Every setup a day's scans looked at, and why it was or was not proposed",
                JournalRoutes.Decisions.class);
        other("GET", "/api/journal/approvals.csv", "journal", "The approvals log as CSV", "text/csv");
        json("GET", "/api/ai/audit", "journal", "What left the machine: every exchange with an AI provider",
                JournalRoutes.Exchanges.class);
        json("POST", "/api/trading/start", "trading", "Start the scan loop", TradingRoutes.Loop.class, 409);
        json("POST", "/api/trading/stop", "trading", "Stop the scan loop", TradingRoutes.Loop.class);
        body("POST", "/api/kill-switch", "trading", "Engage the kill switch: cancel_open_orders cancels unfilled entries "
                + "only (a filled position keeps its stop); flatten (with confirm FLATTEN) also closes every position at "
                + "market", KillSwitchBody.class, TradingRoutes.Engaged.class, 422);
        String action = " Answers the action (202 while the broker's answer is unknown; send an Idempotency-Key "
                + "header to retry safely).";
        json("GET", "/api/positions", "trades", "Open positions, each with its protective legs and how well they cover "
                + "it (protected, closing, unprotected)", PositionRoutes.Positions.class);
        body("POST", "/api/positions/{symbol}/close", "trades", "Close a position, whole or in part, at market or at a "
                + "limit; its stop and target are cut in the same step." + action, CloseBody.class, ActionAnswer.class,
                404, 409, 422);
        body("POST", "/api/positions/{symbol}/rearm-stop", "trades", "Put a stop back on an unprotected position, at "
                + "its bracket's stop level." + action, ReasonBody.class, ActionAnswer.class, 404, 409, 422);
        body("POST", "/api/orders/{id}/cancel", "trades", "Cancel a bracket whose entry has not filled (all three "
                + "legs)." + action, ReasonBody.class, ActionAnswer.class, 404, 409, 422);
        body("POST", "/api/orders/{id}/modify", "trades", "Move the stop and/or the target, the stop to breakeven, or "
                + "make the stop trailing (by a percent or an amount); 422 with the checks when refused." + action,
                ModifyBody.class, ActionAnswer.class, 404, 409, 422);
        json("GET", "/api/trades", "trades", "Closed trades that ended between from and to", ClosedTradeRoutes.Trades.class,
                422);
        other("GET", "/api/trades.csv", "trades", "Closed trades as CSV (spreadsheet-safe)", "text/csv");
        json("GET", "/api/trades/summary", "trades", "Realized P&L today, this week and all time, win rate, average R, "
                + "expectancy and max drawdown; by setup and by advisor", SummaryAnswer.class);
        json("DELETE", "/api/kill-switch", "trading", "Release the kill switch", TradingRoutes.Released.class);
        json("GET", "/api/admin/diagnostics", "admin", "Uptime, version, JVM, configuration (masked), rate limiter",
                AdminRoutes.Diagnostics.class);
        json("GET", "/api/setup/status", "setup", "Whether setup is complete and what is missing", SetupRoutes.Status.class);
        json("GET", "/api/setup/config", "setup", "The configuration the setup wizard edits (never a secret)",
                SetupConfigAnswer.class);
        body("POST", "/api/setup/config", "setup", "Check and save a (partial) configuration; 422 lists every invalid "
                + "member", SetupConfigAnswer.class, SetupRoutes.Applied.class, 422);
        body("POST", "/api/credentials/test", "credentials", "Test a credential with its provider, without saving it",
                CredentialBody.class, CredentialRoutes.Tested.class, 422);
        body("POST", "/api/credentials/save", "credentials", "Save a credential in the encrypted vault",
                CredentialBody.class, CredentialRoutes.State.class, 422);
        json("GET", "/api/credentials/status", "credentials", "Each provider's credential state",
                CredentialRoutes.Statuses.class);
        json("DELETE", "/api/credentials/{provider}", "credentials", "Delete a provider's stored credentials",
                CredentialRoutes.Deleted.class, 404);
        body("POST", "/api/credentials/ibkr/test", "credentials", "IB Gateway connection test (accounts masked)",
                IbkrBody.class, CredentialRoutes.IbkrAnswer.class, 422);
        body("POST", "/api/license/activate", "license", "Activate a license key on this installation",
                ActivateBody.class, LicenseAnswer.class, 422, 503);
        json("POST", "/api/admin/license/refresh", "admin", "Ask the license provider now", LicenseAnswer.class);
        json("GET", "/api/notifications/audit", "notifications", "What left the machine for the notification channels",
                NotificationRoutes.Exchanges.class);
        body("POST", "/api/notifications/test", "notifications", "Send a test message to one or every configured "
                + "channel", NotificationTestBody.class, NotificationRoutes.Tests.class, 404, 422);
        other("GET", "/", "page", "The dashboard", "text/html");
        for (String js : new String[] {"/api.js", "/charts.js", "/panels.js", "/setup.js", "/app.js", "/docs.js"}) {
            other("GET", js, "page", "A script of the page", "text/javascript");
        }
        other("GET", "/app.css", "page", "The page's style", "text/css");
        other("GET", "/favicon.ico", "page", "The page's icon", "image/svg+xml");
        other("GET", "/docs", "page", "This API's documentation (Swagger UI)", "text/html");
        other("GET", DashboardRoutes.UPLOT + "uPlot.iife.min.js", "page", "The chart library (uPlot 1.6.30)",
                "text/javascript");
        other("GET", DashboardRoutes.UPLOT + "uPlot.min.css", "page", "The chart library's style", "text/css");
        other("GET", DashboardRoutes.SWAGGER + "swagger-ui-bundle.js", "page", "Swagger UI 5.35.0", "text/javascript");
        other("GET", DashboardRoutes.SWAGGER + "swagger-ui.css", "page", "Swagger UI's style (its data: images moved "
                + "to files, for the CSP)", "text/css");
        other("GET", DashboardRoutes.SWAGGER + "img/{name}", "page", "An image of Swagger UI's style", "image/*");
        other("GET", "/openapi.json", "page", "This document (OpenAPI 3.1)", JSON);
    }

    /** Every documented route, keyed {@code METHOD /path}. */
    static Map<String, Doc> all() {
        return DOCS;
    }
}
