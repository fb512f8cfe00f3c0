package tech.brokerbridge.paper.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One symbol's deterministic price history: a chain of daily opens and closes generated from a
 * fixed epoch by a seeded random walk that switches between regimes (up and down trends, ranges,
 * tight bases that end in a breakout gap on heavy volume, volatile spells), and for each day an
 * intraday path of one price per five-minute step from the open to the close (a Brownian bridge
 * seeded by symbol and day), from which the day's high and low come.
 *
 * <p>Because the chain starts at a fixed epoch, a day's bar is the same whenever it is asked for.
 * Every price it gives out is scaled by one factor so that the close of a reference day is a given
 * level ({@link SimulatedSymbols}): the shape is the seed's, the level a plausible one.
 * Thread-safe (synchronized): the chain grows lazily.
 */
final class SymbolPath {
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 3);
    private static final double LN_MIN = Math.log(25);
    private static final double LN_MAX = Math.log(450);

    private final long seed;
    private final TradingCalendar calendar;
    private final SplittableRandom rng;
    /** Multiplies every price given out (1 until the constructor has fixed it). */
    private double scale = 1;

    // the chain, one entry per trading day from EPOCH
    private int size;
    private long[] epochDays = new long[1024];
    private double[] opens = new double[1024];
    private double[] closes = new double[1024];
    private double[] sigmas = new double[1024];
    private long[] volumes = new long[1024];
    private double[] highs = new double[1024]; // NaN until the day's path has been drawn
    private double[] lows = new double[1024];

    // generator state
    private LocalDate nextDate = EPOCH;
    private double logPrice;
    private final double logAnchor;
    private final double baseVolume;
    private Regime regime;
    private int regimeLeft;
    private double regimeDrift;
    private double regimeSigma;
    private double rangeCentre;

    // the last intraday path asked for
    private long pathDay = Long.MIN_VALUE;
    private double[] path = new double[0];

    SymbolPath(long seed, TradingCalendar calendar) {
        this.seed = seed;
        this.calendar = calendar;
        this.rng = new SplittableRandom(seed);
        this.logAnchor = Math.log(30) + rng.nextDouble() * (Math.log(400) - Math.log(30));
        this.logPrice = logAnchor;
        this.baseVolume = Math.exp(Math.log(400_000) + rng.nextDouble() * Math.log(50));
        startRegime(Regime.pick(rng, 0));
    }

    /** A path whose close on {@code reference} (a trading day) is {@code level}. */
    SymbolPath(long seed, TradingCalendar calendar, double level, LocalDate reference) {
        this(seed, calendar);
        int i = indexOf(reference);
        if (i < 0) {
            throw new IllegalArgumentException("the reference day is not a trading day: " + reference);
        }
        this.scale = level / closes[i];
    }

    private void startRegime(Regime next) {
        regime = next;
        regimeLeft = next.length(rng);
        regimeDrift = next.drift(rng);
        regimeSigma = next.sigma(rng);
        rangeCentre = logPrice;
    }

    /** One completed day: open, high, low, close rounded to cents, and volume. */
    record Day(LocalDate date, double open, double high, double low, double close, long volume) {
    }

    /** The day's values, or empty when {@code date} is no trading day or lies before the epoch. */
    synchronized Optional<Day> day(LocalDate date) {
        int i = indexOf(date);
        if (i < 0) {
            return Optional.empty();
        }
        if (Double.isNaN(highs[i])) {
            double[] p = intraday(i);
            double high = p[0];
            double low = p[0];
            for (double v : p) {
                high = Math.max(high, v);
                low = Math.min(low, v);
            }
            highs[i] = high;
            lows[i] = low;
        }
        return Optional.of(new Day(date, cents(opens[i] * scale), cents(highs[i] * scale), cents(lows[i] * scale),
                cents(closes[i] * scale), volumes[i]));
    }

    /** Close of the trading day {@code date}, or of the last trading day before it. */
    synchronized double closeOnOrBefore(LocalDate date) {
        // the index first: finding it may grow (replace) the arrays
        if (date.isBefore(EPOCH)) {
            int first = indexOf(EPOCH);
            return cents(opens[first] * scale);
        }
        int i = indexOf(calendar.isTradingDay(date) ? date : calendar.previousTradingDay(date));
        return cents(closes[i] * scale);
    }

    /** Price at step {@code step} (0 = the open, {@link TradingCalendar#SESSION_STEPS} = the close) of a trading day. */
    synchronized double stepPrice(LocalDate date, int step) {
        int i = indexOf(date);
        if (i < 0) {
            throw new IllegalArgumentException("not a trading day in the simulated history: " + date);
        }
        return cents(intraday(i)[Math.max(0, Math.min(TradingCalendar.SESSION_STEPS, step))] * scale);
    }

    private int indexOf(LocalDate date) {
        if (date.isBefore(EPOCH) || !calendar.isTradingDay(date)) {
            return -1;
        }
        while (!nextDate.isAfter(date)) {
            generateNext();
        }
        return Arrays.binarySearch(epochDays, 0, size, date.toEpochDay());
    }

    private double[] intraday(int i) {
        if (pathDay == epochDays[i]) {
            return path;
        }
        int n = TradingCalendar.SESSION_STEPS;
        SplittableRandom dayRng = new SplittableRandom(seed + epochDays[i] * 0x9E3779B97F4A7C15L);
        double[] walk = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            walk[k] = walk[k - 1] + dayRng.nextGaussian();
        }
        double lnOpen = Math.log(opens[i]);
        double lnClose = Math.log(closes[i]);
        double step = 0.9 * sigmas[i] / Math.sqrt(n);
        double[] p = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double f = (double) k / n;
            double bridge = walk[k] - f * walk[n];
            p[k] = cents(Math.exp(lnOpen + f * (lnClose - lnOpen) + step * bridge));
        }
        p[0] = opens[i];
        p[n] = closes[i];
        pathDay = epochDays[i];
        path = p;
        return p;
    }

    private void generateNext() {
        LocalDate date = nextDate;
        nextDate = nextDate.plusDays(1);
        if (!calendar.isTradingDay(date)) {
            return;
        }
        if (regimeLeft <= 0) {
            if (regime.breakoutAtEnd) {
                // a tight base resolves with a gap on heavy volume and a trend in its direction
                boolean up = logPrice < logAnchor ? rng.nextDouble() < 0.7 : rng.nextDouble() < 0.45;
                startRegime(up ? Regime.UP : Regime.DOWN);
                appendDay(date, (up ? 1 : -1) * rng.nextDouble(3.0, 5.0) * 0.015, 3.0 + rng.nextDouble(1.5));
                return;
            }
            startRegime(Regime.pick(rng, logPrice - logAnchor));
        }
        appendDay(date, 0, 1);
    }

    private void appendDay(LocalDate date, double jump, double volumeBoost) {
        double sigma = regimeSigma * (0.85 + 0.3 * rng.nextDouble());
        double drift = regimeDrift + regime.reversion * (rangeCentre - logPrice)
                + 0.002 * (logAnchor - logPrice);
        if (logPrice < LN_MIN) {
            drift += 0.05 * (LN_MIN - logPrice);
        } else if (logPrice > LN_MAX) {
            drift -= 0.05 * (logPrice - LN_MAX);
        }
        double z = rng.nextGaussian();
        if (rng.nextDouble() < 0.03) {
            z *= 2.5; // the occasional fat-tailed day
        }
        double gap = 0.3 * sigma * rng.nextGaussian() + 0.5 * jump;
        double ret = drift + sigma * z + jump;
        double open = cents(Math.exp(logPrice + gap));
        logPrice += ret;
        double close = cents(Math.exp(logPrice));
        double activity = 1 + 0.8 * Math.abs(ret) / Math.max(sigma, 1e-6);
        long volume = Math.round(baseVolume * regime.volumeFactor * volumeBoost * activity
                * Math.exp(0.25 * rng.nextGaussian()));
        regimeLeft--;
        append(date, open, close, sigma, volume);
    }

    private void append(LocalDate date, double open, double close, double sigma, long volume) {
        if (size == epochDays.length) {
            int n = size * 2;
            epochDays = Arrays.copyOf(epochDays, n);
            opens = Arrays.copyOf(opens, n);
            closes = Arrays.copyOf(closes, n);
            sigmas = Arrays.copyOf(sigmas, n);
            volumes = Arrays.copyOf(volumes, n);
            highs = Arrays.copyOf(highs, n);
            lows = Arrays.copyOf(lows, n);
        }
        epochDays[size] = date.toEpochDay();
        opens[size] = open;
        closes[size] = close;
        sigmas[size] = sigma;
        volumes[size] = volume;
        highs[size] = Double.NaN;
        lows[size] = Double.NaN;
        size++;
    }

    static double cents(double price) {
        return Math.max(0.01, Math.round(price * 100.0) / 100.0);
    }

    /** Market regimes: drift and volatility ranges per day, length range in days. */
    private enum Regime {
        UP(0.0012, 0.0035, 0.010, 0.020, 25, 80, 0, 1.0, false),
        DOWN(-0.0035, -0.0012, 0.012, 0.024, 20, 60, 0, 1.1, false),
        RANGE(0, 0, 0.008, 0.016, 15, 50, 0.08, 0.9, false),
        BASE(0, 0, 0.005, 0.009, 12, 25, 0.10, 0.7, true),
        VOLATILE(0, 0, 0.025, 0.040, 8, 20, 0.02, 1.4, false);

        final double driftLo;
        final double driftHi;
        final double sigmaLo;
        final double sigmaHi;
        final int lengthLo;
        final int lengthHi;
        final double reversion;
        final double volumeFactor;
        final boolean breakoutAtEnd;

        Regime(double driftLo, double driftHi, double sigmaLo, double sigmaHi, int lengthLo, int lengthHi,
                double reversion, double volumeFactor, boolean breakoutAtEnd) {
            this.driftLo = driftLo;
            this.driftHi = driftHi;
            this.sigmaLo = sigmaLo;
            this.sigmaHi = sigmaHi;
            this.lengthLo = lengthLo;
            this.lengthHi = lengthHi;
            this.reversion = reversion;
            this.volumeFactor = volumeFactor;
            this.breakoutAtEnd = breakoutAtEnd;
        }

        /** Picks the next regime, leaning against a price that has strayed far from its anchor. */
        static Regime pick(SplittableRandom rng, double stray) {
            double up = 0.30 - 0.25 * Math.max(-1, Math.min(1, stray));
            double down = 0.22 + 0.25 * Math.max(-1, Math.min(1, stray));
            double r = rng.nextDouble();
            if (r < up) {
                return UP;
            }
            if (r < up + down) {
                return DOWN;
            }
            if (r < up + down + 0.23) {
                return RANGE;
            }
            return r < up + down + 0.38 ? BASE : VOLATILE;
        }

        int length(SplittableRandom rng) {
            return rng.nextInt(lengthLo, lengthHi + 1);
        }

        double drift(SplittableRandom rng) {
            return driftLo == driftHi ? driftLo : rng.nextDouble(driftLo, driftHi);
        }

        double sigma(SplittableRandom rng) {
            return rng.nextDouble(sigmaLo, sigmaHi);
        }
    }
}
