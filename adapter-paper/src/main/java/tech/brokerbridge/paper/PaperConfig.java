package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the simulated paper account and market.
 *
 * @param startingCash cash a new account starts with ({@code paper.starting_cash}, default 100000); positive.
 *     An account loaded from the state directory keeps its own cash: this applies to new accounts only
 * @param currency account currency, three capital letters ({@code paper.currency}, default {@code USD})
 * @param seed seed of the synthetic price histories ({@code paper.seed}, default 7); together with the
 *     symbol it fixes every bar, so the same seed always gives the same market
 * @param stateDirectory where the account is kept (default: empty, the account lives in memory and is
 *     gone with the process). When present, the account (cash, positions, every bracket and its legs,
 *     fills, today's figures, the market's simulated time) is kept in {@code paper-account.json} in this
 *     directory, saved durably before each call that changed it returns, and loaded again by
 *     {@link PaperFactory#create}. The desk passes its data directory here. A loaded account keeps its
 *     currency and seed: the configuration must name the same ones
 * @param commissionPerShare what each execution costs per share ({@code paper.commission_per_share},
 *     default 0.005, IB's fixed pricing for US stocks); zero or positive
 * @param commissionMinimum the least an execution costs ({@code paper.commission_minimum}, default 1.00, IB
 *     fixed's minimum per order); zero or positive. As at IB, no execution costs more than 1 % of its value;
 *     with both 0 the paper broker charges nothing
 */
public record PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory,
        double commissionPerShare, double commissionMinimum) {
    /** IB's fixed pricing for US stocks: per share. */
    public static final double IB_FIXED_PER_SHARE = 0.005;
    /** IB's fixed pricing for US stocks: the minimum per order. */
    public static final double IB_FIXED_MINIMUM = 1.00;

    public PaperConfig {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        if (!(startingCash > 0) || Double.isInfinite(startingCash)) {
            throw new IllegalArgumentException("paper.starting_cash must be a positive amount");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("paper.currency must be three capital letters, e.g. USD");
        }
        if (!(commissionPerShare >= 0) || Double.isInfinite(commissionPerShare)) {
            throw new IllegalArgumentException("paper.commission_per_share must be zero or a positive amount");
        }
        if (!(commissionMinimum >= 0) || Double.isInfinite(commissionMinimum)) {
            throw new IllegalArgumentException("paper.commission_minimum must be zero or a positive amount");
        }
    }

    /** With IB's fixed commissions. */
    public PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory) {
        this(startingCash, currency, seed, stateDirectory, IB_FIXED_PER_SHARE, IB_FIXED_MINIMUM);
    }

    /** An account that lives in memory only, with IB's fixed commissions. */
    public PaperConfig(double startingCash, String currency, long seed) {
        this(startingCash, currency, seed, Optional.empty());
    }

    /** This configuration charging {@code perShare} per share and at least {@code minimum} per execution. */
    public PaperConfig withCommissions(double perShare, double minimum) {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, perShare, minimum);
    }

    /** 100000 USD, seed 7, IB's fixed commissions, in memory only. */
    public static PaperConfig defaults() {
        return new PaperConfig(100_000, "USD", 7L);
    }

    /** The defaults, with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public static PaperConfig persistentIn(Path directory) {
        return defaults().withStateDirectory(directory);
    }

    /** This configuration with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public PaperConfig withStateDirectory(Path directory) {
        return new PaperConfig(startingCash, currency, seed, Optional.of(Objects.requireNonNull(directory, "directory")),
                commissionPerShare, commissionMinimum);
    }
}
