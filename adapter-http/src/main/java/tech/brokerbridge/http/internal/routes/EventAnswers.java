package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.FillRecord;

/**
 * The JSON of each desk event as {@code GET /api/events} sends it: {@code id}, {@code type}, {@code time}
 * and the event's own members, snake_case, with proposals, orders and the license written as their routes
 * write them. The SSE event name is the {@code type}.
 */
public final class EventAnswers {
    private EventAnswers() {
    }

    record ProposalEvent(long id, String type, Instant time, ProposalAnswer proposal) {
    }

    record StatusEvent(long id, String type, Instant time, String proposalId, String from, String to, String reason,
            ProposalAnswer proposal) {
    }

    record OrderEvent(long id, String type, Instant time, OrderAnswer order) {
    }

    record LegEvent(long id, String type, Instant time, String orderRef, String symbol, String leg, String state,
            String detail) {
    }

    record FillAnswer(String executionId, String orderRef, String leg, String symbol, long quantity,
            @Rounded.Price double price, Instant time) {
        static FillAnswer of(FillRecord f) {
            return new FillAnswer(f.executionId(), f.orderRef(), f.leg().wire(), f.symbol(), f.quantity(), f.price(),
                    f.time());
        }
    }

    record FillEvent(long id, String type, Instant time, FillAnswer fill) {
    }

    record PositionEvent(long id, String type, Instant time, String symbol, long quantity, @Rounded.Price double price,
            String orderRef, Optional<String> reason) {
    }

    record PortfolioEvent(long id, String type, Instant time, PortfolioAnswer portfolio) {
    }

    record ScanStartedEvent(long id, String type, Instant time, String scanId, int symbols) {
    }

    record ScanProgressEvent(long id, String type, Instant time, String scanId, String phase, int done, int total,
            String symbol) {
    }

    record ScanFinishedEvent(long id, String type, Instant time, String scanId, int symbolsScanned, int decisions,
            int proposals, List<String> errors, Optional<Instant> nextScanAt) {
    }

    record LoopEvent(long id, String type, Instant time, boolean active, Optional<Instant> nextScanAt) {
    }

    record ServiceEvent(long id, String type, Instant time, String name, boolean connected, String message) {
    }

    record LicenseEvent(long id, String type, Instant time, LicenseAnswer license) {
    }

    record KillSwitchEvent(long id, String type, Instant time, boolean engaged, Optional<String> reason,
            Optional<String> engagedBy) {
    }

    record WarningEvent(long id, String type, Instant time, String code, String message, Optional<String> symbol) {
    }

    record TradeActionEvent(long id, String type, Instant time, ActionAnswer action) {
    }

    record ProtectionEvent(long id, String type, Instant time, String symbol, String protection,
            long unprotectedQuantity, String message) {
    }

    /** The JSON of {@code e}. */
    public static byte[] json(DeskEvent e) {
        return Json.write(of(e));
    }

    static Object of(DeskEvent e) {
        long id = e.id();
        String type = e.type();
        Instant t = e.time();
        if (e instanceof DeskEvent.ProposalCreated p) {
            return new ProposalEvent(id, type, t, ProposalAnswer.of(p.proposal()));
        } else if (e instanceof DeskEvent.ProposalStatusChanged c) {
            return new StatusEvent(id, type, t, c.proposal().proposalId(), c.from().wire(), c.to().wire(), c.reason(),
                    ProposalAnswer.of(c.proposal()));
        } else if (e instanceof DeskEvent.OrderUpdated o) {
            return new OrderEvent(id, type, t, OrderAnswer.of(BracketView.ofRecord(o.order(),
                    "an event carries the record only: GET /api/orders has the legs")));
        } else if (e instanceof DeskEvent.LegUpdated l) {
            return new LegEvent(id, type, t, l.orderRef(), l.symbol(), l.leg().wire(), l.state(), l.detail());
        } else if (e instanceof DeskEvent.FillReceived f) {
            return new FillEvent(id, type, t, FillAnswer.of(f.fill()));
        } else if (e instanceof DeskEvent.PositionOpened p) {
            return new PositionEvent(id, type, t, p.symbol(), p.quantity(), p.price(), p.orderRef(), Optional.empty());
        } else if (e instanceof DeskEvent.PositionClosed p) {
            return new PositionEvent(id, type, t, p.symbol(), p.quantity(), p.price(), p.orderRef(),
                    Optional.of(p.reason()));
        } else if (e instanceof DeskEvent.PortfolioMarked p) {
            return new PortfolioEvent(id, type, t, PortfolioAnswer.of(new tech.brokerbridge.ports.desk.Portfolio(
                    p.broker(), p.account(), p.positions())));
        } else if (e instanceof DeskEvent.ScanStarted s) {
            return new ScanStartedEvent(id, type, t, s.scanId(), s.symbols());
        } else if (e instanceof DeskEvent.ScanProgress s) {
            return new ScanProgressEvent(id, type, t, s.scanId(), s.phase(), s.done(), s.total(), s.symbol());
        } else if (e instanceof DeskEvent.ScanFinished s) {
            return new ScanFinishedEvent(id, type, t, s.scanId(), s.symbolsScanned(), s.decisions(), s.proposals(),
                    s.errors(), s.nextScanAt());
        } else if (e instanceof DeskEvent.TradingLoopChanged l) {
            return new LoopEvent(id, type, t, l.active(), l.nextScanAt());
        } else if (e instanceof DeskEvent.BrokerConnectionChanged b) {
            return new ServiceEvent(id, type, t, b.broker(), b.connected(), b.message());
        } else if (e instanceof DeskEvent.AdvisorStatusChanged a) {
            return new ServiceEvent(id, type, t, a.provider(), a.connected(), a.message());
        } else if (e instanceof DeskEvent.LicenseChanged l) {
            return new LicenseEvent(id, type, t, LicenseAnswer.of(l.license()));
        } else if (e instanceof DeskEvent.KillSwitchEngaged k) {
            return new KillSwitchEvent(id, type, t, true, Optional.of(k.reason()), Optional.of(k.engagedBy()));
        } else if (e instanceof DeskEvent.KillSwitchReleased) {
            return new KillSwitchEvent(id, type, t, false, Optional.empty(), Optional.empty());
        } else if (e instanceof DeskEvent.TradeActionUpdated a) {
            return new TradeActionEvent(id, type, t, ActionAnswer.of(a.action(), false));
        } else if (e instanceof DeskEvent.ProtectionChanged c) {
            return new ProtectionEvent(id, type, t, c.symbol(), c.protection(), c.unprotectedQuantity(), c.message());
        }
        DeskEvent.Warning w = (DeskEvent.Warning) e;
        return new WarningEvent(id, type, t, w.code(), w.message(), w.symbol());
    }
}
