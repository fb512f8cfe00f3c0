package tech.brokerbridge.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.DeskConfig.TradingMode;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

/** The paper/live interlock: every combination of trading mode, account kind and license. */
class AccountInterlockTest {
    static final LicenseState EVALUATION = license(LicenseStatus.EVALUATION, false);
    static final LicenseState LICENSED = license(LicenseStatus.LICENSED, true);
    final FakeBroker broker = new FakeBroker();
    LicenseState current = EVALUATION;
    final AccountInterlock interlock = new AccountInterlock(broker, () -> current, TradingMode.PAPER);

    static LicenseState license(LicenseStatus s, boolean live) {
        return new LicenseState(s, s.wire() + " (test)", live, Optional.empty(), Optional.empty(), Optional.empty(),
                "inst");
    }

    private void account(String masked, AccountKind kind) {
        broker.tradingAccount(new TradingAccount.Selected(masked, kind, Optional.empty()));
    }

    @Test
    void paperModeTradesAPaperAccount() {
        account("DU****567", AccountKind.PAPER);
        assertEquals(Optional.empty(), interlock.refusal());
        Health.AccountStatus s = interlock.status();
        assertTrue(s.tradable());
        assertEquals(Optional.of("DU****567"), s.account());
        assertEquals("paper", s.mode());
        assertEquals("paper", s.tradingMode());
    }

    @Test
    void paperModeRefusesALiveAccount() {
        account("U1****890", AccountKind.LIVE);
        ActionResult.Conflict c = interlock.refusal().orElseThrow();
        assertEquals("account_mode_mismatch", c.code());
        assertTrue(c.reason().contains("trading_mode is paper but U1****890 is a live (real-money) account"),
                c.reason());
        Health.AccountStatus s = interlock.status();
        assertFalse(s.tradable());
        assertEquals("live", s.mode());
        assertEquals(c.reason(), s.reason(), "health shows the same reason");
    }

    @Test
    void liveModeNeedsALiveAccountAndALicenseThatAllowsIt() {
        interlock.mode(TradingMode.LIVE);
        account("DU****567", AccountKind.PAPER);
        assertTrue(interlock.refusal().orElseThrow().reason().contains("is a paper account"));
        account("U1****890", AccountKind.LIVE);
        ActionResult.Conflict noLicense = interlock.refusal().orElseThrow();
        assertEquals("account_mode_mismatch", noLicense.code());
        assertTrue(noLicense.reason().contains("the license (evaluation) does not allow live trading"),
                noLicense.reason());
        current = LICENSED;
        assertEquals(Optional.empty(), interlock.refusal());
        assertTrue(interlock.status().tradable());
    }

    @Test
    void noSelectedAccountMeansNothingIsSent() {
        broker.tradingAccount(new TradingAccount.Unselected(
                "IB Gateway manages 2 accounts (DU****567, U1****890); set ibkr.account to the one to trade"));
        ActionResult.Conflict c = interlock.refusal().orElseThrow();
        assertEquals("account_not_selected", c.code());
        assertTrue(c.reason().contains("DU****567, U1****890"), c.reason());
        Health.AccountStatus s = interlock.status();
        assertFalse(s.tradable());
        assertEquals("unknown", s.mode());
        assertEquals(Optional.empty(), s.account());
    }

    @Test
    void aLivePortInPaperModeIsAWarningOnlyTheAccountCounts() {
        broker.tradingAccount(new TradingAccount.Selected("DU****567", AccountKind.PAPER,
                Optional.of("ibkr.port 4001 is IB Gateway's live port")));
        assertEquals(Optional.empty(), interlock.refusal(), "a paper account on a live port is tradable");
        Health.AccountStatus s = interlock.status();
        assertTrue(s.tradable());
        assertEquals(List.of("ibkr.port 4001 is IB Gateway's live port while trading_mode is paper; the account"
                + " decides: DU****567 is a paper account"), s.warnings());
        interlock.mode(TradingMode.LIVE);
        current = LICENSED;
        assertEquals(List.of(), interlock.status().warnings(), "a live port in live mode is as expected");
    }

    @Test
    void everyCheckReadsTheAccountAfresh() {
        account("DU****567", AccountKind.PAPER);
        assertTrue(interlock.refusal().isEmpty());
        account("U1****890", AccountKind.LIVE); // a reconnect to another login
        assertTrue(interlock.refusal().isPresent());
    }

    @Test
    void statusFollowsEachChangeOfAccountModeAndLicenseThoughItIsKeptBetweenCalls() {
        account("DU****567", AccountKind.PAPER);
        Health.AccountStatus first = interlock.status();
        assertTrue(first.tradable());
        assertSame(first, interlock.status(), "nothing changed: the same status, not made again");
        account("U1****890", AccountKind.LIVE);
        assertFalse(interlock.status().tradable(), "another account is seen at once");
        assertEquals("live", interlock.status().mode());
        interlock.mode(TradingMode.LIVE);
        assertFalse(interlock.status().tradable(), "an evaluation license does not allow live trading");
        current = LICENSED;
        assertTrue(interlock.status().tradable(), "a new license is seen at once");
        interlock.mode(TradingMode.PAPER);
        assertFalse(interlock.status().tradable());
    }
}
