package tech.brokerbridge.launcher.wiring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.IbkrGateway;
import tech.brokerbridge.paper.PaperMarket;

/** Starts and stops the selected broker adapter's background work. */
final class BrokerService {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerService.class);
    private final Runnable start;
    private final Runnable stop;

    private BrokerService(Runnable start, Runnable stop) {
        this.start = start;
        this.stop = stop;
    }

    /**
     * The paper market moves its prices when ticked: every 2 s while the desk runs. With IB prices,
     * the IB Gateway session they come through is started first and closed last.
     */
    static BrokerService paper(PaperMarket market, java.util.Optional<IbkrGateway> prices) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paper-ticker");
            t.setDaemon(true);
            return t;
        });
        return new BrokerService(() -> {
            prices.ifPresent(IbkrGateway::start);
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    market.tick();
                } catch (RuntimeException e) {
                    LOG.warn("paper market tick failed: {}", e.toString());
                }
            }, 0, 2, TimeUnit.SECONDS);
        }, () -> {
            ticker.shutdownNow();
            market.close();
            prices.ifPresent(IbkrGateway::close);
        });
    }

    /** IB Gateway: connects (and keeps reconnecting) in the background; the desk starts whether or not it is up. */
    static BrokerService ibkr(IbkrGateway gateway) {
        return new BrokerService(gateway::start, gateway::close);
    }

    void start() {
        start.run();
    }

    void stop() {
        stop.run();
    }
}
