package tech.brokerbridge.core.internal;

import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskPorts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.account.AccountInterlock;
import tech.brokerbridge.core.internal.approval.ApprovalService;
import tech.brokerbridge.core.internal.decision.AdvisorGateway;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.core.internal.events.HealthWatch;
import tech.brokerbridge.core.internal.events.PortfolioWatch;
import tech.brokerbridge.core.internal.events.PublishingOrderLog;
import tech.brokerbridge.core.internal.events.PublishingProposalLog;
import tech.brokerbridge.core.internal.execution.BracketSubmitter;
import tech.brokerbridge.core.internal.execution.BrokerReconciler;
import tech.brokerbridge.core.internal.execution.OrderEventHandler;
import tech.brokerbridge.core.internal.execution.OrderEventPublisher;
import tech.brokerbridge.core.internal.license.LicenseKeeper;
import tech.brokerbridge.core.internal.license.LicensePolicy;
import tech.brokerbridge.core.internal.loop.CandidateEvaluator;
import tech.brokerbridge.core.internal.loop.ScanPipeline;
import tech.brokerbridge.core.internal.loop.ScanSettings;
import tech.brokerbridge.core.internal.loop.ScanState;
import tech.brokerbridge.core.internal.loop.Scanner;
import tech.brokerbridge.core.internal.loop.TradingLoop;
import tech.brokerbridge.core.internal.market.MarketDataHealth;
import tech.brokerbridge.core.internal.market.MarketPrices;
import tech.brokerbridge.core.internal.market.PriceGuard;
import tech.brokerbridge.core.internal.proposals.CoolDowns;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.core.internal.proposals.ScanBars;
import tech.brokerbridge.core.internal.risk.DailyLossBreaker;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.internal.risk.RiskContextLoader;
import tech.brokerbridge.core.internal.risk.RiskGates;
import tech.brokerbridge.core.internal.scoring.CompositeScorer;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.core.internal.trades.PositionService;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Actor;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.EventSubscription;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.notify.ChannelStatus;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.notify.Notifier;
import tech.brokerbridge.ports.secrets.StoreInfo;

/** The desk: wires the domain services to the ports and runs the desk's threads. */
public final class DefaultDesk implements Desk {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultDesk.class);
    /** How often open positions are marked to the market for the screen (portfolio.marked). */
    private static final long MARK_SECONDS = 15;
    private volatile DeskConfig config;
    private final DeskPorts ports;
    private final DeskTuning tuning;
    private final ExecutorService advisorThreads = Threads.cached("advisor");
    private final ExecutorService eventThread = Threads.single("order-events");
    private final ScheduledExecutorService maintenanceThread = Threads.scheduler("maintenance");
    private final ScheduledExecutorService loopThread = Threads.scheduler("trading-loop");
    private final ScheduledExecutorService watchThread = Threads.scheduler("health-watch");
    private final ExecutorService licenseThread = Threads.single("license");
    private final ProposalBook book;
    private final KillSwitch killSwitch;
    private final LicenseKeeper license;
    private final AdvisorGateway advisor;
    private final ApprovalService approvals;
    private final OrderEventHandler events;
    private final Maintenance maintenance;
    private final Scanner scanner;
    private final TradingLoop loop;
    private final RiskContextLoader contexts;
    private final CompositeScorer scorer;
    private final ScanPipeline pipeline;
    private final CandidateEvaluator evaluator;
    private final CoolDowns coolDowns;
    private final PositionService positions;
    private final EventHub hub;
    private final ScanState scans;
    private final OrderEventPublisher orderEvents;
    private final HealthWatch healthWatch;
    /** The last broker service and secret store health showed: reused while equal (health is polled). */
    private volatile Health.Service lastBroker;
    private volatile Health.Secrets lastSecrets;
    private final PortfolioWatch portfolioWatch;
    private final ScanBars chartBars;
    private final MarketPrices prices;
    private final PriceGuard guard;
    private final AccountInterlock interlock;
    private AutoCloseable subscription;
    private boolean started;
    private boolean closed;

    public DefaultDesk(DeskConfig config, DeskPorts ports, Clock clock, DeskTuning tuning) {
        this.config = config;
        this.ports = ports;
        this.tuning = tuning;
        this.scorer = new CompositeScorer(config.weights());
        ScanSettings settings = settings(config);
        Journal journal = ports.journal();
        this.hub = new EventHub(clock);
        this.scans = new ScanState(hub, clock);
        // the proposal and order roles publish what each durable write changed, whoever writes
        ProposalLog proposals = new PublishingProposalLog(journal, hub);
        OrderLog orders = new PublishingOrderLog(journal, hub);
        this.contexts = new RiskContextLoader(ports.broker(), proposals, journal, clock, config.risk());
        RiskGates gates = new RiskGates();
        this.coolDowns = new CoolDowns(journal, clock, config.proposalCooldown());
        this.book = new ProposalBook(proposals, clock, new ProposalLocks(), coolDowns);
        this.killSwitch = new KillSwitch(journal, ports.broker(), clock, hub);
        DailyLossBreaker dailyLoss = new DailyLossBreaker(killSwitch);
        this.license = new LicenseKeeper(journal, ports.secrets(), ports.license(), ports.installation(),
                new LicensePolicy(config.evaluationPeriod(), config.license().grace()),
                config.license().checkInterval(), licenseThread, clock);
        this.advisor = new AdvisorGateway(ports.advisor(), journal, advisorThreads, tuning.advisorDeadline());
        this.prices = new MarketPrices(ports.marketData(), new MarketDataHealth());
        this.guard = new PriceGuard(config.risk().maxPriceDeviationPct());
        this.interlock = new AccountInterlock(ports.broker(), license::current, config.tradingMode());
        BrokerReconciler reconciler = new BrokerReconciler(ports.broker(), orders, proposals, book, clock);
        BracketSubmitter submitter = new BracketSubmitter(ports.broker(), orders, proposals, book, killSwitch,
                reconciler, interlock, clock);
        this.approvals = new ApprovalService(proposals, book, contexts, gates, killSwitch, dailyLoss, submitter,
                coolDowns, new ApprovalService.Checks(interlock, prices, guard));
        this.positions = new PositionService(ports.broker(), journal, orders, proposals, hub, killSwitch, contexts,
                book.locks(), () -> ports.advisor().provider(), maintenanceThread, interlock, clock);
        this.events = new OrderEventHandler(orders, proposals, book, positions, clock);
        this.orderEvents = new OrderEventPublisher(orders, hub);
        this.maintenance = new Maintenance(ports.broker(), book, reconciler, positions, license);
        this.chartBars = new ScanBars(ports.marketData());
        this.evaluator = new CandidateEvaluator(advisor, gates, dailyLoss, proposals, prices, guard, clock, chartBars);
        this.pipeline = new ScanPipeline(settings, ports.marketData(), prices, ports.signals(), contexts, killSwitch,
                dailyLoss, scorer, evaluator, coolDowns, journal, clock, scans);
        this.scanner = new Scanner(pipeline);
        this.loop = new TradingLoop(scanner, killSwitch, loopThread, config.scanInterval(), scans);
        this.healthWatch = new HealthWatch(this::brokerService, advisor::health, license::current, hub);
        this.portfolioWatch = new PortfolioWatch(ports.broker(), hub);
        killSwitch.onEngage(loop::stop);
    }

    private static ScanSettings settings(DeskConfig c) {
        return new ScanSettings(c.watchlist(), c.maxAiCandidates(), c.barsForAdvisor(), c.proposalTtl());
    }

    @Override
    public synchronized void reconfigure(DeskConfig next) {
        DeskConfig c = new DeskConfig(config.version(), next.watchlist(), next.scanInterval(), next.maxAiCandidates(),
                next.weights(), next.risk(), next.proposalTtl(), next.barsForAdvisor(), config.evaluationPeriod())
                .withProposalCooldown(next.proposalCooldown()).withTradingMode(next.tradingMode());
        contexts.limits(c.risk());
        scorer.weights(c.weights());
        pipeline.settings(settings(c));
        loop.interval(c.scanInterval());
        coolDowns.length(c.proposalCooldown());
        guard.maxDeviationPct(c.risk().maxPriceDeviationPct());
        interlock.mode(c.tradingMode());
        config = c;
        LOG.info("desk reconfigured: {} symbols, scan every {}", c.watchlist().size(), c.scanInterval());
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the desk was closed");
        }
        if (started) {
            return;
        }
        license.start();
        killSwitch.restore();
        if (ports.notifier() != Notifier.NONE) {
            hub.subscribe(ports.notifier()::send);
        }
        subscription = ports.broker().subscribe(this::enqueue);
        maintenance.reconcileAtStartup();
        book.sweepExpired();
        long every = tuning.maintenanceInterval().toMillis();
        maintenanceThread.scheduleWithFixedDelay(maintenance::run, every, every, TimeUnit.MILLISECONDS);
        healthWatch.run();
        long watch = tuning.healthWatchInterval().toMillis();
        watchThread.scheduleWithFixedDelay(healthWatch, watch, watch, TimeUnit.MILLISECONDS);
        // the broker may be slow: on the maintenance thread, not the health watch's
        maintenanceThread.scheduleWithFixedDelay(portfolioWatch, MARK_SECONDS, MARK_SECONDS, TimeUnit.SECONDS);
        started = true;
        LOG.info("desk started (broker {}, advisor {})", ports.broker().name(), ports.advisor().provider());
    }

    private void enqueue(OrderEvent event) {
        try {
            eventThread.execute(() -> {
                try {
                    events.handle(event);
                    orderEvents.published(event);
                } catch (RuntimeException e) { // top-level handler: one bad event must not stop the others
                    LOG.error("order event for {} could not be applied: {}", event.orderRef(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("order event after close ignored");
        }
    }

    /** One round of upkeep now (tests). */
    void runMaintenance() {
        maintenance.run();
    }

    /** Waits until the broker events received so far are applied, and the checks they asked for ran (tests). */
    void awaitEvents() throws Exception {
        eventThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        maintenanceThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    /** Marks the positions now and publishes what changed (tests). */
    void markPortfolio() {
        portfolioWatch.run();
    }

    /** Checks health now and publishes what changed (tests). */
    void watchHealth() {
        healthWatch.run();
    }

    @Override
    public Health health() {
        return new Health("ok", config.version(), loop.active(), killSwitch.engaged(), brokerService(),
                advisor.health(), license.current().status(), secrets(), scans.lastScanAt(), scans.nextScanAt(),
                scans.inProgress(), notificationChannels(), prices.health().status(prices.source()),
                interlock.status(), positions.watch().warnings());
    }

    private List<ChannelStatus> notificationChannels() {
        try {
            return ports.notifier().channels();
        } catch (RuntimeException e) { // health must answer whatever the notifier does
            LOG.warn("the notifier did not report its channels: {}", e.toString());
            return List.of();
        }
    }

    private Health.Service brokerService() {
        ConnectionStatus cs = ports.broker().connectionStatus();
        String name = ports.broker().name();
        Health.Service last = lastBroker;
        // health asks on every request: an equal service is not made again
        if (last == null || last.connected() != cs.connected() || !last.name().equals(name)
                || !last.message().equals(cs.message())) {
            last = new Health.Service(name, cs.connected(), cs.message());
            lastBroker = last;
        }
        return last;
    }


    @Override
    public EventSubscription subscribe(DeskEventListener listener) {
        return hub.subscribe(listener);
    }

    private Health.Secrets secrets() {
        try {
            StoreInfo info = ports.secrets().info();
            Health.Secrets last = lastSecrets;
            if (last == null || last.available() != info.available() || !last.backend().equals(info.backend())
                    || !last.warning().equals(info.warning())) {
                last = new Health.Secrets(info.backend(), info.available(), info.warning());
                lastSecrets = last;
            }
            return last;
        } catch (RuntimeException e) { // health must answer whatever the store does
            return new Health.Secrets("unknown", false, Optional.of("secret store did not answer: " + e.getMessage()));
        }
    }

    @Override
    public LicenseState license() {
        return license.current();
    }

    @Override
    public ActivationResult activate(Secret licenseKey, Secret stripeKey) {
        return license.activate(licenseKey, stripeKey);
    }

    @Override
    public LicenseState refresh() {
        return license.check();
    }

    @Override
    public ScanReport scanNow() {
        return scanner.scan();
    }

    @Override
    public ProposalPage proposals(ProposalQuery query) {
        return book.page(query);
    }

    @Override
    public Optional<Proposal> proposal(String proposalId) {
        return book.find(proposalId);
    }

    @Override
    public Optional<List<Bar>> proposalBars(String proposalId) {
        return book.find(proposalId).map(chartBars::of);
    }

    @Override
    public ActionResult approve(String proposalId, Modification modification) {
        return approve(proposalId, modification, Actor.api());
    }

    @Override
    public ActionResult approve(String proposalId, Modification modification, Actor actor) {
        return approvals.approve(proposalId, modification, actor);
    }

    @Override
    public ActionResult reject(String proposalId, Optional<String> reason) {
        return reject(proposalId, reason, Actor.api());
    }

    @Override
    public ActionResult reject(String proposalId, Optional<String> reason, Actor actor) {
        return approvals.reject(proposalId, reason, actor);
    }

    @Override
    public Portfolio portfolio() {
        return new Portfolio(ports.broker().name(), ports.broker().account(), ports.broker().positions());
    }

    @Override
    public List<OrderRecord> orders(int limit) {
        return ports.journal().orders(limit);
    }

    @Override
    public List<DecisionRecord> decisions(LocalDate day) {
        return ports.journal().decisions(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public List<ApprovalRecord> approvals() {
        return ports.journal().approvals();
    }

    @Override
    public List<AiExchange> aiAudit(int limit) {
        return ports.journal().aiAudit(limit);
    }

    @Override
    public List<NotificationExchange> notificationAudit(int limit) {
        return ports.journal().notificationAudit(limit);
    }

    @Override
    public List<ChannelTest> testNotifications(Optional<String> channel) {
        return ports.notifier().test(channel);
    }

    @Override
    public boolean startTrading() {
        return loop.start();
    }

    @Override
    public void stopTrading() {
        loop.stop();
    }

    @Override
    public KillSwitchOutcome engageKillSwitch(KillSwitchRequest request) {
        return positions.engage(killSwitch, request);
    }

    @Override
    public List<PositionView> positions() {
        return positions.positions();
    }

    @Override
    public TradeActionResult closePosition(String symbol, CloseRequest request) {
        return positions.closePosition(symbol, request);
    }

    @Override
    public TradeActionResult cancelOrder(String orderRef, ActionOptions options) {
        return positions.cancelOrder(orderRef, options);
    }

    @Override
    public TradeActionResult modifyOrder(String orderRef, ModifyRequest request) {
        return positions.modifyOrder(orderRef, request);
    }

    @Override
    public TradeActionResult rearmStop(String symbol, ActionOptions options) {
        return positions.rearmStop(symbol, options);
    }

    @Override
    public List<BracketView> brackets(int limit) {
        return positions.brackets(limit);
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        return positions.closedTrades(from, to);
    }

    @Override
    public TradeSummary tradeSummary() {
        return positions.tradeSummary();
    }

    @Override
    public void releaseKillSwitch() {
        killSwitch.release();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop();
        Threads.stop(loopThread, 5);
        Threads.stop(maintenanceThread, 5);
        Threads.stop(watchThread, 5);
        Threads.stop(licenseThread, 5);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) { // top-level: closing must go on
                LOG.warn("unsubscribing from the broker failed: {}", e.toString());
            }
        }
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Threads.stop(advisorThreads, 5);
        hub.close();
        LOG.info("desk closed");
    }
}
