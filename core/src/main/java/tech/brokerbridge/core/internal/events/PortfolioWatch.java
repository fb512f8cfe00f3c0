package tech.brokerbridge.core.internal.events;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.events.DeskEvent;

/**
 * Marks the open positions to the market for the user's screen: reads the broker's account and positions
 * and publishes {@code portfolio.marked} when the positions or the P&amp;L changed since the last run. Does
 * nothing while the broker is disconnected or nothing is open (after publishing once that the last
 * position is gone). Blocks on the broker (its request timeout): run it on a timer thread, never on a
 * request. Never throws.
 */
public final class PortfolioWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PortfolioWatch.class);
    private final Broker broker;
    private final EventHub hub;
    private Optional<Portfolio> last = Optional.empty();

    public PortfolioWatch(Broker broker, EventHub hub) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public synchronized void run() {
        try {
            if (!broker.connectionStatus().connected()) {
                return;
            }
            var positions = broker.positions();
            boolean hadPositions = last.map(p -> !p.positions().isEmpty()).orElse(false);
            if (positions.isEmpty() && !hadPositions) {
                return;
            }
            Portfolio now = new Portfolio(broker.name(), broker.account(), positions);
            if (last.isEmpty() || changed(last.get(), now)) {
                hub.publish((id, t) -> new DeskEvent.PortfolioMarked(id, t, now.broker(), now.account(),
                        now.positions()));
            }
            last = Optional.of(now);
        } catch (BrokerException e) {
            LOG.debug("positions not marked: {}", e.getMessage());
        } catch (RuntimeException e) { // top-level handler of a timer task
            LOG.warn("marking the positions failed: {}", e.toString());
        }
    }

    /** The account's time alone is no change. */
    private static boolean changed(Portfolio was, Portfolio now) {
        AccountSnapshot a = was.account();
        AccountSnapshot b = now.account();
        return !was.positions().equals(now.positions()) || a.unrealizedPnl() != b.unrealizedPnl()
                || a.dailyPnl() != b.dailyPnl() || a.netLiquidation() != b.netLiquidation();
    }
}
