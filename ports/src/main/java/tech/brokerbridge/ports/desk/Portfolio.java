package tech.brokerbridge.ports.desk;

import java.util.List;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;

/** The account summary and positions, for the user's own screen (never sent to an advisor). */
public record Portfolio(String broker, AccountSnapshot account, List<Position> positions) {
    public Portfolio {
        Require.nonNull("broker", broker, "account", account);
        positions = List.copyOf(positions);
    }
}
