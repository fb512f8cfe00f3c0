package tech.brokerbridge.ports.desk;

import java.util.List;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * What engaging the kill switch did.
 *
 * @param cancelledLegs how many order legs the broker was asked to cancel
 * @param cancelledOrders the refs of the unfilled brackets cancelled
 * @param keptOrders refs of brackets left working because their entry filled in part (their stop
 *     protects the filled part)
 * @param flattened the closes sent by {@code flatten}, one per position
 * @param problems what could not be done, in words (the switch is engaged anyway)
 */
public record KillSwitchOutcome(int cancelledLegs, List<String> cancelledOrders, List<String> keptOrders,
        List<TradeAction> flattened, List<String> problems) {
    public KillSwitchOutcome {
        cancelledOrders = List.copyOf(cancelledOrders);
        keptOrders = List.copyOf(keptOrders);
        flattened = List.copyOf(flattened);
        problems = List.copyOf(problems);
    }
}
