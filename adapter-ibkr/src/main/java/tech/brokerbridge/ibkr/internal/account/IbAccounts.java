package tech.brokerbridge.ibkr.internal.account;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.TradingAccount;

/**
 * Interactive Brokers' account rules, stated once:
 * <ul>
 * <li><b>Paper or live</b>: IB paper (simulated) accounts have ids that begin with {@code D}
 *     ({@code DU…} for individual paper accounts, {@code DF…} for paper advisor accounts); every other
 *     id is a live, real-money account ({@code U…}, {@code F…}, {@code I…}).</li>
 * <li><b>Which account</b>: {@code ibkr.account} names the account to trade. Without it, a login that
 *     manages exactly one account trades that one; with several, none is chosen and nothing is sent
 *     until the user names one. A named account the login does not manage is not traded either.</li>
 * <li><b>Conventional ports</b>: 4001 (IB Gateway) and 7496 (TWS) are the live ports, 4002 and 7497 the
 *     paper ones. Only a hint: the account decides.</li>
 * </ul>
 * Ids are shown masked ({@link #mask}), never in full.
 */
public final class IbAccounts {
    private IbAccounts() {
    }

    /** Paper when the id starts with D, live otherwise. */
    public static AccountKind kindOf(String accountId) {
        return accountId.startsWith("D") ? AccountKind.PAPER : AccountKind.LIVE;
    }

    /** The account to trade, or empty with the reason. */
    public static Choice choose(List<String> managed, String configured) {
        String seen = managed.isEmpty() ? "none" : String.join(", ", managed.stream().map(IbAccounts::mask).toList());
        if (!configured.isEmpty()) {
            return managed.contains(configured) ? new Choice(Optional.of(configured), "")
                    : new Choice(Optional.empty(), "ibkr.account " + mask(configured) + " is not managed by this IB"
                            + " Gateway login (it manages " + seen + "); nothing is sent until ibkr.account names"
                            + " one of them");
        }
        if (managed.size() == 1) {
            return new Choice(Optional.of(managed.get(0)), "");
        }
        return new Choice(Optional.empty(), managed.isEmpty() ? "IB Gateway listed no account"
                : "IB Gateway manages " + managed.size() + " accounts (" + seen + ") and ibkr.account names none;"
                        + " nothing is sent until ibkr.account names the one to trade");
    }

    /** The chosen account (or none, with why). */
    public record Choice(Optional<String> account, String refusal) {
    }

    /** What the Broker port says of the account chosen on a connection to {@code port}. */
    public static TradingAccount tradingAccount(Choice c, int port) {
        return c.account().<TradingAccount>map(id -> new TradingAccount.Selected(mask(id), kindOf(id),
                liveEndpoint(port))).orElseGet(() -> new TradingAccount.Unselected(c.refusal()));
    }

    /** The port's conventional meaning, when it is a live one. */
    public static Optional<String> liveEndpoint(int port) {
        return switch (port) {
            case 4001 -> Optional.of("ibkr.port 4001 is IB Gateway's live port");
            case 7496 -> Optional.of("ibkr.port 7496 is TWS's live port");
            default -> Optional.empty();
        };
    }

    /** {@code DU1234567} becomes {@code DU****567}: enough to recognise, not enough to use. */
    public static String mask(String id) {
        if (id.length() <= 5) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 2) + "*".repeat(id.length() - 5) + id.substring(id.length() - 3);
    }
}
