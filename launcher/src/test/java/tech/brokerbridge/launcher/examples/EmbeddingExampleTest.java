package tech.brokerbridge.launcher.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerFactory;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.signals.SignalSourceFactory;
import tech.brokerbridge.signals.SignalsConfig;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The README's embedding example, compiled and run: a desk assembled in plain Java from the
 * adapters' factories, without Guice, then one adapter swapped for your own implementation of its
 * port.
 */
class EmbeddingExampleTest {
    /** A Friday during the US session, so the paper market trades. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    @Test
    void assembleADeskInPlainJava() throws Exception {
        // --- README example: begin ---
        Clock clock = CLOCK; // Clock.systemUTC() in real use
        try (Vault vault = VaultFactory.open(new VaultConfig(home, "file", Optional.of("my-container-id-1234")));
                ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(home));
                PaperMarket paper = PaperFactory.create(PaperConfig.defaults(), clock)) {
            Advisor advisor = AdvisorFactory.create(AdvisorConfig.defaults(), vault, clock); // offline rules
            Desk desk = DeskFactory.create(DeskConfig.defaults("embedded"),
                    new DeskPorts(paper.broker(), paper.marketData(), SignalSourceFactory.create(SignalsConfig.defaults()),
                            advisor, journal, vault, vault),
                    clock);
            desk.start();
            ScanReport report = desk.scanNow();
            List<Proposal> pending = desk.proposals(new ProposalQuery(Optional.of(ProposalStatus.PENDING),
                    Optional.empty(), 50, Optional.empty())).proposals();
            ActionResult result = desk.approve(pending.get(0).proposalId(), Modification.none());

            // optional: serve the same desk over the local HTTP API
            LocalHttpServer http = HttpServerFactory.create(new HttpServerConfig(0 /* any free port */, 100,
                    Duration.ofSeconds(60), Set.of(), Optional.empty(), HttpServerConfig.DEFAULT_MAX_BODY_BYTES,
                    Duration.ofSeconds(60), 4, "embedded"), desk, clock, Map::of);
            http.start();
            String health = get(http.port(), "/api/health"); // or any other route of the API
            http.stop(Duration.ofSeconds(5));
            desk.close();
            // --- README example: end ---

            assertTrue(health.contains("\"status\":\"ok\""), health);
            assertFalse(report.decisions().isEmpty(), "the scan made decisions");
            Proposal approved = assertInstanceOf(ActionResult.Done.class, result).proposal();
            assertTrue(Set.of(ProposalStatus.EXECUTING, ProposalStatus.EXECUTED).contains(approved.status()),
                    approved.status().toString());
            assertEquals(approved.proposalId(), journal.findOrder(approved.proposalId()).orElseThrow().orderRef());
        }
    }

    @Test
    void swapAnAdapterForYourOwnImplementationOfItsPort() throws Exception {
        // your own advisor: any implementation of the Advisor port
        Advisor alwaysReject = new Advisor() {
            @Override
            public String provider() {
                return "my-house-rules";
            }

            @Override
            public String model() {
                return "v1";
            }

            @Override
            public Advice decide(DecisionRequest request) {
                return new Advice(Advice.Verdict.REJECT, 0.1, "we do not trade " + request.symbol() + " today",
                        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(), List.of());
            }
        };
        try (Vault vault = VaultFactory.open(new VaultConfig(home, "file", Optional.of("my-container-id-1234")));
                ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(home));
                PaperMarket paper = PaperFactory.create(PaperConfig.defaults(), CLOCK)) {
            Desk desk = DeskFactory.create(DeskConfig.defaults("embedded"),
                    new DeskPorts(paper.broker(), paper.marketData(), SignalSourceFactory.create(SignalsConfig.defaults()),
                            alwaysReject, journal, vault, vault),
                    CLOCK);
            desk.start();
            ScanReport report = desk.scanNow();
            desk.close();
            assertTrue(report.decisions().stream().anyMatch(d -> d.outcome().equals("ai_rejected")));
            assertTrue(report.decisions().stream().noneMatch(d -> d.outcome().equals("proposed")));
            assertEquals("my-house-rules", desk.health().ai().name());
        }
    }

    static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
