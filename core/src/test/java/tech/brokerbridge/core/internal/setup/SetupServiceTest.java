package tech.brokerbridge.core.internal.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.fakes.FakeSignalSource;
import tech.brokerbridge.ports.fakes.InMemoryConfigurationStore;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.setup.AdvisorObservation;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.CredentialProbes;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;
import tech.brokerbridge.ports.setup.SetupStatus;

/** The setup use cases and their business rules, in core, on an in-memory staged configuration. */
class SetupServiceTest {
    /** Stand-ins for the adapters' settings, which core cannot see (the launcher's table has the real ones). */
    static final SettingGroup ADAPTERS = SettingGroup.of("adapters", List.of(
            Setting.choice("ai_provider.provider", List.of("offline", "claude", "openai"), "offline", "advisor"),
            Setting.text("ai_provider.model", Pattern.compile("[a-z0-9.-]{0,40}"), "a model", "", "model"),
            Setting.choice("broker.kind", List.of("paper", "ibkr"), "paper", "broker"),
            Setting.text("ibkr.host", Pattern.compile("[a-z0-9.]{1,50}"), "a host", "127.0.0.1", "host"),
            Setting.integer("ibkr.port", 1, 65535, 4002, "port"),
            Setting.integer("ibkr.client_id", 0, Integer.MAX_VALUE, 1, "client id")));

    final InMemorySecretStore secrets = new InMemorySecretStore();
    final InMemoryConfigurationStore store = new InMemoryConfigurationStore(List.of(DeskConfig.SETTINGS, ADAPTERS));
    final List<String> probed = new ArrayList<>();
    final List<DeskConfig> reconfigured = new ArrayList<>();
    final Desk desk = DeskFactory.create(DeskConfig.defaults("test"), new DeskPorts(
            new FakeBroker(Clock.fixed(Instant.parse("2026-01-05T15:00:00Z"), ZoneOffset.UTC)), new FakeMarketData(),
            new FakeSignalSource(), new FakeAdvisor(), new InMemoryJournal(), secrets, () -> "inst-1"),
            Clock.fixed(Instant.parse("2026-01-05T15:00:00Z"), ZoneOffset.UTC));
    final SetupDesk setup;

    SetupServiceTest() {
        desk.start();
        setup = DeskFactory.createSetup(recording(desk), store, secrets, probes());
    }

    @AfterEach
    void close() {
        desk.close();
    }

    /** The desk, with each {@link Desk#reconfigure} call recorded. */
    private Desk recording(Desk real) {
        return (Desk) Proxy.newProxyInstance(Desk.class.getClassLoader(), new Class<?>[] {Desk.class}, (p, m, args) -> {
            if (m.getName().equals("reconfigure")) {
                reconfigured.add((DeskConfig) args[0]);
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private CredentialProbes probes() {
        return new CredentialProbes() {
            @Override
            public CredentialTest testAiKey(String provider, Secret key) {
                probed.add("ai " + provider);
                return new CredentialTest(CredentialTest.Result.OK, "ok");
            }

            @Override
            public CredentialTest testStripeKey(Secret key) {
                probed.add("stripe");
                return new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "no");
            }

            @Override
            public IbkrCheck testIbkr(String host, int port, int clientId) {
                probed.add("ibkr " + host + ":" + port + " " + clientId);
                return new IbkrCheck.NotAvailable("no");
            }

            @Override
            public AdvisorObservation advisor() {
                return new AdvisorObservation("offline", true, "ready", Optional.empty());
            }
        };
    }

    private static List<String> fields(ApplyResult r) {
        return ((ApplyResult.Invalid) r).errors().stream().map(FieldError::field).toList();
    }

    private static SetupConfig risk(OptionalInt maxOpenTrades) {
        OptionalDouble none = OptionalDouble.empty();
        return SetupConfig.empty().withRisk(new SetupConfig.Risk(none, maxOpenTrades, none, none, none, none));
    }

    @Test
    void aDeskOnItsDefaultsIsComplete() {
        assertEquals(new SetupStatus(true, List.of(), List.of()), setup.setupStatus());
        assertEquals("offline", setup.currentConfig().aiProvider().orElseThrow().provider().orElseThrow());
        assertEquals(OptionalInt.of(4002), setup.currentConfig().broker().orElseThrow().port());
    }

    @Test
    void businessSettingsApplyAtOnceAndAdapterChoicesWaitForARestart() {
        ApplyResult r = setup.applyConfig(risk(OptionalInt.of(3)));
        assertEquals(List.of(), ((ApplyResult.Applied) r).restartRequired());
        assertEquals(3, store.saved().get(DeskConfig.RiskLimits.MAX_OPEN_TRADES));
        assertEquals(1, reconfigured.size());
        assertEquals(3, reconfigured.get(0).risk().maxOpenTrades());

        r = setup.applyConfig(SetupConfig.empty().withAiProvider(new SetupConfig.AiProvider(Optional.of("claude"),
                Optional.of("api_key"), Optional.empty())));
        assertEquals(List.of("ai_provider.provider"), ((ApplyResult.Applied) r).restartRequired());
        assertEquals(1, reconfigured.size(), "nothing the desk runs on changed");
        assertEquals(new SetupStatus(false, List.of("credentials.claude"), List.of("ai_provider.provider")),
                setup.setupStatus());
        secrets.put("claude.api_key", Secret.of("sk-test"));
        assertTrue(setup.setupStatus().complete());
    }

    @Test
    void liveTradingNeedsTheIbBrokerAndALicenseThatAllowsIt() {
        ApplyResult r = setup.applyConfig(SetupConfig.empty().withTradingMode("live"));
        assertEquals(List.of("trading_mode"), fields(r));
        String message = ((ApplyResult.Invalid) r).errors().get(0).message();
        assertTrue(message.contains("live trading needs broker.kind ibkr"), message);
        assertTrue(message.contains("live trading needs a paid license (license evaluation: paper trading only;"),
                message);
        r = setup.applyConfig(SetupConfig.empty().withTradingMode("live").withBroker(new SetupConfig.Broker(
                Optional.of("ibkr"), Optional.empty(), OptionalInt.empty(), OptionalInt.empty())));
        message = ((ApplyResult.Invalid) r).errors().get(0).message();
        assertTrue(!message.contains("needs broker.kind") && message.contains("needs a paid license"), message);
        assertEquals(0, store.commits(), "nothing saved");
    }

    @Test
    void eachMemberIsCheckedAgainstItsDeclarationThenTheRulesOnWhatPassed() {
        ApplyResult r = setup.applyConfig(SetupConfig.empty()
                .withRisk(new SetupConfig.Risk(OptionalDouble.of(150), OptionalInt.of(0), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()))
                .withWatchlist(List.of("AAPL", "bad symbol")));
        assertEquals(List.of("risk.max_position_size_pct", "risk.max_open_trades", "watchlist"), fields(r));
        assertTrue(((ApplyResult.Invalid) r).errors().get(1).message()
                .equals("'risk.max_open_trades' must be between 1 and 100"), r.toString());

        SetupConfig zero = new SetupConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(
                new SetupConfig.Scoring(OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(0))),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        r = setup.applyConfig(zero);
        assertEquals(List.of("scoring.evidence_weight", "scoring.quality_weight", "scoring.conviction_weight"),
                fields(r), "the weights rule, stated once by ScoreWeights, names each weight sent");
        assertTrue(((ApplyResult.Invalid) r).errors().get(0).message().contains("must not all be 0"));
        assertEquals(0, store.commits());
    }

    @Test
    void aMemberSetByTheEnvironmentCannotBeChangedHere() {
        store.override("scan_interval_minutes", "7", "the environment variable BROKERBRIDGE_SCAN_INTERVAL_MINUTES");
        SetupConfig ten = new SetupConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.of(10), OptionalInt.empty(), OptionalInt.empty());
        ApplyResult r = setup.applyConfig(ten);
        assertTrue(((ApplyResult.Invalid) r).errors().get(0).message().contains(
                "is set by the environment variable BROKERBRIDGE_SCAN_INTERVAL_MINUTES"), r.toString());
        SetupConfig seven = new SetupConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.of(7), OptionalInt.empty(), OptionalInt.empty());
        assertInstanceOf(ApplyResult.Applied.class, setup.applyConfig(seven), "the same value is harmless");
    }

    @Test
    void credentialChecksGoToTheProbesTheAdaptersProvide() {
        setup.testCredential("claude", "api_key", Secret.of("sk-x"));
        setup.testCredential("stripe", "api_key", Secret.of("rk-x"));
        assertEquals(CredentialTest.Result.NOT_AVAILABLE,
                setup.testCredential("ibkr", "api_key", Secret.of("x")).result(), "IB has no credential to test");
        setup.testIbkr(" localhost ", 4001, 7);
        assertEquals(List.of("ai claude", "stripe", "ibkr localhost:4001 7"), probed);
    }
}
