package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.account.IbAccounts;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.Direction;

/** Issue 13: which IB account is traded, paper or live, and nothing sent without a choice. */
class AccountChoiceTest {
    private Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private Rig connect(List<String> accounts, UnaryOperator<tech.brokerbridge.ibkr.internal.ClientSettings> tweak)
            throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.accounts = accounts;
        gw.bars.put("AAPL", tech.brokerbridge.ibkr.fake.Bars.daily(java.time.LocalDate.of(2026, 2, 27), 300, 150.0));
        rig = Rig.connected(gw, tweak);
        return rig;
    }

    private static BracketOrder bracket(String ref) {
        return new BracketOrder(ref, "AAPL", Direction.LONG, 10, 150.0, 145.0, 160.0);
    }

    @Test
    void theRuleIbPaperAccountsStartWithD() {
        assertEquals(AccountKind.PAPER, IbAccounts.kindOf("DU1234567"));
        assertEquals(AccountKind.PAPER, IbAccounts.kindOf("DF1234567"));
        assertEquals(AccountKind.LIVE, IbAccounts.kindOf("U1234567"));
        assertEquals(AccountKind.LIVE, IbAccounts.kindOf("F1234567"));
        assertEquals(AccountKind.LIVE, IbAccounts.kindOf("I1234567"));
    }

    @Test
    void theOnlyAccountOfALoginIsTradedAndSaidMaskedWithItsKind() throws Exception {
        connect(List.of("DU1234567"), s -> s);
        TradingAccount.Selected a = assertInstanceOf(TradingAccount.Selected.class, rig.broker.tradingAccount());
        assertEquals(new TradingAccount.Selected("DU****567", AccountKind.PAPER, Optional.empty()), a);
        rig.broker.submitBracket(bracket("one"));
        assertEquals(List.of("DU1234567", "DU1234567", "DU1234567"),
                rig.gw.placedOrders().stream().map(p -> p.order().account()).toList());
    }

    @Test
    void twoAccountsAndNoChoiceMeanNothingIsSent() throws Exception {
        connect(List.of("DU1234567", "U7654321"), s -> s);
        TradingAccount.Unselected u = assertInstanceOf(TradingAccount.Unselected.class, rig.broker.tradingAccount());
        assertTrue(u.reason().contains("IB Gateway manages 2 accounts (DU****567, U7***321) and ibkr.account names"
                + " none"), u.reason());
        assertTrue(!u.reason().contains("1234567"), "masked");
        SubmitResult.Rejected r = assertInstanceOf(SubmitResult.Rejected.class, rig.broker.submitBracket(bracket("x")));
        assertTrue(r.reason().startsWith("no IB account is selected, so nothing was sent"), r.reason());
        assertEquals(0, rig.gw.count(Outbound.PlaceOrder.class), "no placeOrder reaches the gateway");
        assertEquals(0, rig.gw.count(Outbound.ReqAccountUpdates.class), "no account is subscribed either");
        assertTrue(rig.broker.connectionStatus().connected(), "connected read-only");
        assertTrue(!rig.market.bars(BarRequest.dailyYear("AAPL")).isEmpty(), "prices are still read");
    }

    @Test
    void theChosenAccountIsUsedInEveryOrder() throws Exception {
        connect(List.of("DU1234567", "DU7654321"), s -> Rig.account(s, "DU7654321"));
        assertEquals(new TradingAccount.Selected("DU****321", AccountKind.PAPER, Optional.empty()),
                rig.broker.tradingAccount());
        rig.broker.submitBracket(bracket("a"));
        rig.broker.submitBracket(bracket("b"));
        assertEquals(6, rig.gw.placedOrders().size());
        assertTrue(rig.gw.placedOrders().stream().allMatch(p -> p.order().account().equals("DU7654321")),
                "every leg of every bracket");
        Outbound.ReqAccountUpdates updates = (Outbound.ReqAccountUpdates) rig.gw.received.stream()
                .filter(Outbound.ReqAccountUpdates.class::isInstance).findFirst().orElseThrow();
        assertEquals("DU7654321", updates.account());
    }

    @Test
    void aChosenAccountTheLoginDoesNotManageIsNotTraded() throws Exception {
        connect(List.of("DU1234567"), s -> Rig.account(s, "DU9999999"));
        TradingAccount.Unselected u = assertInstanceOf(TradingAccount.Unselected.class, rig.broker.tradingAccount());
        assertTrue(u.reason().contains("ibkr.account DU****999 is not managed by this IB Gateway login (it manages"
                + " DU****567)"), u.reason());
        assertInstanceOf(SubmitResult.Rejected.class, rig.broker.submitBracket(bracket("x")));
        assertEquals(0, rig.gw.count(Outbound.PlaceOrder.class));
    }

    @Test
    void aLiveAccountIsSaidLiveAndTheCheckRunsAgainOnEveryReconnect() throws Exception {
        connect(List.of("DU1234567"), s -> Rig.timeout(s, Duration.ofSeconds(3)));
        assertEquals(AccountKind.PAPER, ((TradingAccount.Selected) rig.broker.tradingAccount()).kind());
        rig.gw.accounts = List.of("U7654321"); // the gateway is logged in to a live account now
        rig.gw.restart();
        Eventually.until(() -> rig.broker.tradingAccount() instanceof TradingAccount.Selected s
                && s.kind() == AccountKind.LIVE, "the live account after the reconnect");
        assertEquals(new TradingAccount.Selected("U7***321", AccountKind.LIVE, Optional.empty()),
                rig.broker.tradingAccount());
    }

    @Test
    void theConventionalLivePortsAreAHintOnly() {
        IbAccounts.Choice paper = IbAccounts.choose(List.of("DU1234567"), "");
        assertEquals(new TradingAccount.Selected("DU****567", AccountKind.PAPER,
                Optional.of("ibkr.port 4001 is IB Gateway's live port")), IbAccounts.tradingAccount(paper, 4001));
        assertEquals(Optional.of("ibkr.port 7496 is TWS's live port"), IbAccounts.liveEndpoint(7496));
        assertEquals(Optional.empty(), IbAccounts.liveEndpoint(4002));
        assertEquals(Optional.empty(), IbAccounts.liveEndpoint(7497));
    }
}
