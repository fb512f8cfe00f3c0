package tech.brokerbridge.core.internal.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one check every price and quantity passes before the desk sends it to a broker. A price is
 * finite, positive, within {@code risk.max_price_deviation_pct} of the symbol's last price, and a
 * multiple of the contract's tick; a quantity is a whole number of shares, at least one, whose value
 * at the entry fits the account's buying power. A refusal names the field and says why (the HTTP
 * API answers 422 with it). Prices the desk computes itself are rounded to the tick first
 * ({@link #round}); prices a person types are refused when they are off the tick, with the nearest
 * valid ones in the reason.
 *
 * <p>Thread-safe; no I/O.
 */
public final class PriceGuard {
    private volatile double maxDeviationPct;

    /** One refused value: the field (as the API names it) and why. */
    public record Violation(String field, String reason) {
    }

    public PriceGuard(double maxDeviationPct) {
        maxDeviationPct(maxDeviationPct);
    }

    /** Replaces the allowed deviation from the last price, in percent; checks from now on use it. */
    public void maxDeviationPct(double pct) {
        if (!(pct > 0 && pct <= 100)) {
            throw new IllegalArgumentException("max_price_deviation_pct must be in (0, 100], got " + pct);
        }
        this.maxDeviationPct = pct;
    }

    /** Why {@code price} may not be sent for {@code field}, or empty when it may. */
    public Optional<Violation> price(String field, double price, PriceReference ref) {
        if (!Double.isFinite(price)) {
            return refuse(field, field + " must be a finite number, got " + price);
        }
        if (!(price > 0)) {
            return refuse(field, field + " must be a positive price, got " + plain(price));
        }
        double pct = maxDeviationPct;
        double low = ref.last() * (1 - pct / 100);
        double high = ref.last() * (1 + pct / 100);
        if (price < low - ref.tick() / 2 || price > high + ref.tick() / 2) {
            return refuse(field, field + " " + plain(price) + " is more than " + plain(pct) + "% away from "
                    + ref.basis() + ": it must lie between " + inTicks(Math.max(low, ref.tick()), ref.tick(),
                            RoundingMode.CEILING) + " and " + inTicks(high, ref.tick(), RoundingMode.FLOOR)
                    + " (risk.max_price_deviation_pct)");
        }
        if (!onTick(price, ref.tick())) {
            return refuse(field, field + " " + plain(price) + " is not a multiple of " + ref.symbol() + "'s tick "
                    + plain(ref.tick()) + ": use " + inTicks(price, ref.tick(), RoundingMode.FLOOR) + " or "
                    + inTicks(price, ref.tick(), RoundingMode.CEILING));
        }
        return Optional.empty();
    }

    /** Why {@code quantity} shares at {@code entry} may not be sent, or empty when they may. */
    public Optional<Violation> quantity(String field, long quantity, double entry, double buyingPower) {
        if (quantity < 1) {
            return refuse(field, field + " must be a whole number of shares, at least 1, got " + quantity);
        }
        double value = quantity * entry;
        if (!(value <= buyingPower)) {
            return refuse(field, field + " " + quantity + " at " + plain(entry) + " is worth " + money(value)
                    + ", more than the account's buying power " + money(buyingPower));
        }
        return Optional.empty();
    }

    /** Every violation of a bracket's prices and quantity, in the order entry, stop, target, quantity. */
    public List<Violation> bracket(double entry, double stop, double target, long quantity, PriceReference ref,
            double buyingPower) {
        List<Violation> all = new ArrayList<>();
        price("entry_price", entry, ref).ifPresent(all::add);
        price("stop_price", stop, ref).ifPresent(all::add);
        price("target_price", target, ref).ifPresent(all::add);
        if (all.stream().noneMatch(v -> v.field().equals("entry_price"))) {
            quantity("quantity", quantity, entry, buyingPower).ifPresent(all::add);
        }
        return all;
    }

    /** {@code price} rounded to the nearest multiple of {@code tick}, without binary-float noise. */
    public static double round(double price, double tick) {
        return inTicksValue(price, tick, RoundingMode.HALF_UP);
    }

    /** Decimal arithmetic on the prices as written ({@code 101.23} is on a 0.01 tick; 101.234 is not). */
    static boolean onTick(double price, double tick) {
        return BigDecimal.valueOf(price).remainder(BigDecimal.valueOf(tick)).signum() == 0;
    }

    private static double inTicksValue(double price, double tick, RoundingMode mode) {
        BigDecimal t = BigDecimal.valueOf(tick);
        BigDecimal steps = BigDecimal.valueOf(price).divide(t, 0, mode);
        return steps.multiply(t).doubleValue();
    }

    private static String inTicks(double price, double tick, RoundingMode mode) {
        return plain(inTicksValue(price, tick, mode));
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String money(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%,.2f", v) : String.valueOf(v);
    }

    private static Optional<Violation> refuse(String field, String reason) {
        return Optional.of(new Violation(field, reason));
    }
}
