package tech.brokerbridge.core.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tech.brokerbridge.core.DeskConfig.TradingMode;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * The paper/live interlock: the desk sends orders only to an account of the kind its
 * {@code trading_mode} allows. {@code paper} needs a paper account; {@code live} needs a live account
 * and a license that allows live trading. Which account the broker trades, and whether it is paper
 * or live, is the broker's to say ({@link Broker#tradingAccount()}: the IB adapter knows IB's rule);
 * with no account selected (not connected yet, several and no choice) nothing may be sent either.
 * Otherwise the desk is read-only: approvals and every action that adds risk answer 409
 * ({@link #ACCOUNT_MODE_MISMATCH} or {@link #ACCOUNT_NOT_SELECTED}) and nothing is submitted.
 *
 * <p>Checked afresh on every call, so a reconnect to another account is seen at once. A gateway port
 * that is conventionally live while the mode is paper is a warning only: the account is what counts.
 * Thread-safe; never blocks.
 */
public final class AccountInterlock {
    public static final String ACCOUNT_MODE_MISMATCH = "account_mode_mismatch";
    public static final String ACCOUNT_NOT_SELECTED = "account_not_selected";

    private final Broker broker;
    private final Supplier<LicenseState> license;
    private volatile TradingMode mode;
    /** The last status with what it was made from: health asks on every request and the answer rarely changes. */
    private volatile Last last;

    private record Last(TradingMode mode, TradingAccount account, LicenseState license, Health.AccountStatus status) {
    }

    public AccountInterlock(Broker broker, Supplier<LicenseState> license, TradingMode mode) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.license = Objects.requireNonNull(license, "license");
        mode(mode);
    }

    /** Replaces the trading mode; checks from now on use it. */
    public void mode(TradingMode next) {
        this.mode = Objects.requireNonNull(next, "mode");
    }

    /** The check now: the account, its mode, whether it may be traded and why. */
    public Health.AccountStatus status() {
        TradingMode m = mode;
        TradingAccount account = broker.tradingAccount();
        LicenseState l = license.get();
        Last c = last;
        if (c != null && c.mode() == m && c.account().equals(account) && Objects.equals(c.license(), l)) {
            return c.status();   // made from equal inputs: the same answer, without its strings made again
        }
        Health.AccountStatus status = status(m, account, l);
        last = new Last(m, account, l, status);
        return status;
    }

    private Health.AccountStatus status(TradingMode m, TradingAccount account, LicenseState l) {
        if (account instanceof TradingAccount.Unselected u) {
            return new Health.AccountStatus(Optional.empty(), "unknown", m.wire(), false,
                    "no account selected, nothing is sent: " + u.reason(), List.of());
        }
        TradingAccount.Selected s = (TradingAccount.Selected) account;
        List<String> warnings = new ArrayList<>();
        if (m == TradingMode.PAPER && s.liveEndpoint().isPresent()) {
            warnings.add(s.liveEndpoint().get() + " while trading_mode is paper; the account decides: "
                    + s.maskedId() + " is a " + s.kind().wire() + " account");
        }
        Optional<String> mismatch = mismatch(m, s, l);
        return new Health.AccountStatus(Optional.of(s.maskedId()), s.kind().wire(), m.wire(), mismatch.isEmpty(),
                mismatch.orElse("trading_mode is " + m.wire() + " and the account (" + s.maskedId() + ") is a "
                        + s.kind().wire() + " account: orders may be sent"), warnings);
    }

    /** Why no order may be sent now (409 with its code), or empty when the account may be traded. */
    public Optional<ActionResult.Conflict> refusal() {
        TradingMode m = mode;
        TradingAccount account = broker.tradingAccount();
        if (account instanceof TradingAccount.Unselected u) {
            return Optional.of(new ActionResult.Conflict(ACCOUNT_NOT_SELECTED,
                    "no broker account is selected, so nothing is sent: " + u.reason()));
        }
        return mismatch(m, (TradingAccount.Selected) account, license.get())
                .map(why -> new ActionResult.Conflict(ACCOUNT_MODE_MISMATCH, why));
    }

    private static Optional<String> mismatch(TradingMode m, TradingAccount.Selected s, LicenseState l) {
        if (m == TradingMode.PAPER && s.kind() == AccountKind.LIVE) {
            return Optional.of("trading_mode is paper but " + s.maskedId() + " is a live (real-money) account: the"
                    + " desk is read-only and sends nothing. Log IB Gateway in to a paper account (its id starts"
                    + " with D), or set trading_mode=live with a license that allows live trading");
        }
        if (m == TradingMode.LIVE && s.kind() == AccountKind.PAPER) {
            return Optional.of("trading_mode is live but " + s.maskedId() + " is a paper account: the desk is"
                    + " read-only and sends nothing. Log in to the live account, or set trading_mode=paper");
        }
        if (m == TradingMode.LIVE && !l.liveTradingAllowed()) {
            return Optional.of("trading_mode is live but the license (" + l.status().wire() + ") does not allow"
                    + " live trading: the desk is read-only and sends nothing. " + l.reason());
        }
        return Optional.empty();
    }
}
