package tech.brokerbridge.core.internal.proposals;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.DeskState;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.signals.Setup;

/**
 * A proposal the user rejected, or let expire, is not proposed again straight away: its symbol,
 * direction and setup type cool down, and a scan records a setup that matches a running cool-down as
 * {@code suppressed} ("suppressed: rejected at …") instead of sending it to the advisor.
 *
 * <ul>
 * <li><b>How long</b>: {@code proposal_cooldown_minutes}. {@code 0} (the default) means the rest of the
 *     US trading day: until the next regular close, 16:00 in New York, on a weekday (after the close or
 *     on a weekend, the close of the next weekday; exchange holidays are not known, so on a holiday the
 *     cool-down ends at 16:00 that day).</li>
 * <li><b>Unless the setup changed materially</b>: a setup of another type is never held back, and one
 *     of the same type comes back at once when its entry or its stop moved by more than half the risk
 *     per share of the proposal turned down ({@code |entry - stop|}), i.e. the scan found a different
 *     trade, not the same one again.</li>
 * </ul>
 *
 * <p>Cool-downs live in the journal's {@link DeskState}, so they survive a restart. Thread-safe.
 */
public final class CoolDowns {
    /** A move of the entry or the stop by more than this fraction of the turned-down risk is material. */
    static final double MATERIAL_FRACTION = 0.5;
    /** The exchanges' time zone, for the trading day. */
    static final ZoneId EXCHANGE = ZoneId.of("America/New_York");
    /** The regular session's close. */
    static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final Logger LOG = LoggerFactory.getLogger(CoolDowns.class);

    private final DeskState state;
    private final Clock clock;
    private volatile Duration length;

    /** @param length the cool-down's length; {@link Duration#ZERO} for the rest of the trading day */
    public CoolDowns(DeskState state, Clock clock, Duration length) {
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
        length(length);
    }

    /** Replaces the length; cool-downs started from now on use it. */
    public void length(Duration next) {
        Objects.requireNonNull(next, "length");
        if (next.isNegative()) {
            throw new IllegalArgumentException("a cool-down cannot be negative, was " + next);
        }
        this.length = next;
    }

    /**
     * Starts the cool-down of a proposal just turned down (its last status change is the rejection or
     * expiry). A journal that cannot save it is logged, not thrown: the rejection stands, and the
     * setup may only come back sooner.
     */
    public void start(Proposal turnedDown, CoolDown.Cause cause) {
        Instant at = turnedDown.history().isEmpty() ? clock.instant()
                : turnedDown.history().get(turnedDown.history().size() - 1).time();
        CoolDown c = new CoolDown(turnedDown.symbol(), turnedDown.direction(), turnedDown.setupType(), cause,
                turnedDown.proposalId(), at, until(at, length), turnedDown.entryPrice(), turnedDown.stopPrice());
        try {
            state.startCoolDown(c);
        } catch (JournalException e) {
            LOG.warn("proposal {}: its cool-down could not be saved ({}); the setup may be proposed again",
                    turnedDown.proposalId(), e.getMessage());
        }
    }

    /** The cool-downs running now. Blocks on the journal. */
    public List<CoolDown> active() {
        return state.activeCoolDowns(clock.instant());
    }

    /** Why {@code setup} is held back by one of the {@code active} cool-downs, if it is. */
    public static Optional<String> suppression(Setup setup, List<CoolDown> active) {
        return active.stream()
                .filter(c -> c.symbol().equals(setup.symbol()) && c.direction() == setup.direction()
                        && c.setupType().equals(setup.setupType()))
                .filter(c -> !changedMaterially(setup, c))
                .findFirst()
                .map(c -> "suppressed: " + c.cause().wire() + " at " + c.at().truncatedTo(ChronoUnit.SECONDS)
                        + " (proposal " + c.proposalId() + "); cooling down until "
                        + c.until().truncatedTo(ChronoUnit.SECONDS) + " unless the setup changes materially");
    }

    static boolean changedMaterially(Setup setup, CoolDown c) {
        double material = MATERIAL_FRACTION * Math.abs(c.entryPrice() - c.stopPrice());
        return Math.abs(setup.entry() - c.entryPrice()) > material || Math.abs(setup.stop() - c.stopPrice()) > material;
    }

    /** The end of a cool-down that starts at {@code at}. */
    static Instant until(Instant at, Duration length) {
        return length.isZero() ? endOfTradingDay(at) : at.plus(length);
    }

    /** The next regular close at or after {@code at} (a close at {@code at} itself counts as passed). */
    static Instant endOfTradingDay(Instant at) {
        ZonedDateTime there = at.atZone(EXCHANGE);
        LocalDate day = there.toLocalTime().isBefore(CLOSE) ? there.toLocalDate() : there.toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(CLOSE).atZone(EXCHANGE).toInstant();
    }
}
