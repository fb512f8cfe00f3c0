package tech.brokerbridge.core.internal.trades;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.FillRecord;

/**
 * The fills of one trade (its bracket's, and those of the closing orders and stops its actions
 * placed), summed up: what went in, what came out, at what average prices, for what commissions.
 * A pure value.
 */
record TradeFills(List<FillRecord> fills) {
    TradeFills {
        List<FillRecord> sorted = new ArrayList<>(fills);
        sorted.sort(Comparator.comparing(FillRecord::time));
        fills = List.copyOf(sorted);
    }

    long entered() {
        return entries().stream().mapToLong(FillRecord::quantity).sum();
    }

    long exited() {
        return exits().stream().mapToLong(FillRecord::quantity).sum();
    }

    /** Shares still open. */
    long open() {
        return Math.max(0, entered() - exited());
    }

    boolean flat() {
        return entered() > 0 && exited() >= entered();
    }

    double entryPrice() {
        return average(entries());
    }

    double exitPrice() {
        return average(exits());
    }

    double commissions() {
        return fills.stream().mapToDouble(f -> f.commission().orElse(0)).sum();
    }

    Optional<Instant> firstEntry() {
        return entries().stream().map(FillRecord::time).findFirst();
    }

    Optional<FillRecord> lastExit() {
        List<FillRecord> exits = exits();
        return exits.isEmpty() ? Optional.empty() : Optional.of(exits.get(exits.size() - 1));
    }

    /** (exit − entry) × shares, signed by the direction ({@code +1} long, {@code -1} short), before commissions. */
    double grossPnl(int directionSign) {
        long q = Math.min(entered(), exited());
        return (exitPrice() - entryPrice()) * q * directionSign;
    }

    private List<FillRecord> entries() {
        return fills.stream().filter(f -> f.leg() == OrderLeg.ENTRY).toList();
    }

    private List<FillRecord> exits() {
        return fills.stream().filter(f -> f.leg() != OrderLeg.ENTRY).toList();
    }

    private static double average(List<FillRecord> list) {
        long q = list.stream().mapToLong(FillRecord::quantity).sum();
        return q == 0 ? 0 : list.stream().mapToDouble(f -> f.price() * f.quantity()).sum() / q;
    }
}
