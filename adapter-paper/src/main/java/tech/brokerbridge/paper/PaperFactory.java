package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.paper.internal.SavedAccounts;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.market.MarketData;

/**
 * Creates the paper market: the embedded default broker, with its market data on simulated prices,
 * a folder of CSV daily bars, or real prices from IB Gateway ({@link PaperConfig#marketData()}).
 *
 * <p>In memory (no state directory) creation is cheap and does no I/O. With a state directory it
 * reads {@code paper-account.json} there (or writes a new account when there is none), and holds an
 * OS lock on {@code paper-account.lock} until {@link PaperMarket#close()}, so one account is never
 * run by two markets at once. See {@link PaperMarket} for time, threading and errors.
 */
public final class PaperFactory {
    private PaperFactory() {
    }

    /**
     * A paper market: with a fresh account, or with the account saved in the config's state directory.
     * A loaded account carries on where it was: positions and cash, working brackets that keep working
     * (filling as simulated time catches up with the clock), and every order ref it ever took, so that
     * {@code ordersByRef} finds it and a second submission is refused as a duplicate.
     *
     * @param config starting cash, currency, price seed, optional state directory, price source
     * @param clock the desk's clock; the simulated market never runs behind it
     * @throws IllegalStateException when the account file is damaged, is not one this version reads, holds
     *     an account in another currency or seed, or is already open (in this or another process); the
     *     message names the file and what to do. A damaged file is never replaced by a fresh account
     * @throws java.io.UncheckedIOException when the state directory cannot be created, read or written
     * @throws IllegalArgumentException when the configuration asks for IB prices ({@code ibkr}): use
     *     {@link #create(PaperConfig, Clock, MarketData)}
     */
    public static PaperMarket create(PaperConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new SimulatedMarket(config, clock);
    }

    /**
     * The symbols the simulated market lists (well-known US stocks and funds, each near a plausible
     * price level), in alphabetical order; simulated prices are refused for any other symbol.
     */
    public static List<String> simulatedSymbols() {
        return tech.brokerbridge.paper.internal.SimulatedMarket.simulatedSymbols();
    }

    /**
     * A paper market whose prices, when the configuration says {@code ibkr}, come from
     * {@code realPrices} (IB Gateway's {@code MarketData}): bars, quotes (delayed when live data is not
     * permitted) and ticks from there, orders kept and filled in this paper account with the same
     * session rules. Blocks as that source does when prices are needed. See {@link #create(PaperConfig, Clock)}.
     */
    public static PaperMarket create(PaperConfig config, Clock clock, MarketData realPrices) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new SimulatedMarket(config, clock, Optional.of(Objects.requireNonNull(realPrices, "realPrices")));
    }

    /**
     * What the account saved in {@code stateDirectory} holds, without opening it (no lock is taken, so
     * this works while a market runs on it); empty when no account is saved there. Reads the account file
     * and its log (the changes saved since the file was last written whole).
     *
     * @throws IllegalStateException when the account file is damaged or not one this version reads
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static Optional<SavedPaperAccount> saved(Path stateDirectory) {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        return SavedAccounts.summary(stateDirectory);
    }
}
