package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.tck.ConfigurationStoreContract;

class InMemoryConfigurationStoreContractTest extends ConfigurationStoreContract {
    static final Setting<Integer> COUNT = Setting.integer("test.count", 1, 10, 5, "a count");
    static final Setting<Double> LOW = Setting.decimal("test.low", 0, 1, 0.2, "a low figure");
    static final Setting<Double> HIGH = Setting.decimal("test.high", 0, 1, 0.8, "a high figure");
    static final SettingGroup OWNER = SettingGroup.of("Test", List.of(COUNT, LOW, HIGH),
            new SettingRule(List.of(LOW, HIGH), v -> v.get(LOW) <= v.get(HIGH) ? Optional.empty()
                    : Optional.of("test.low must not exceed test.high")));

    @Override
    protected ConfigurationStore newStore() {
        return new InMemoryConfigurationStore(List.of(OWNER));
    }

    @Override
    protected Setting<Integer> wholeNumber() {
        return COUNT;
    }

    @Override
    protected Map<String, Object> ruleBreakingChanges() {
        return Map.of("test.low", 0.9, "test.high", 0.1);
    }

    @Override
    protected List<String> ruleKeys() {
        return List.of("test.low", "test.high");
    }

    @Test
    void anOverriddenKeySaysWhereItComesFrom() {
        InMemoryConfigurationStore store = new InMemoryConfigurationStore(List.of(OWNER))
                .override("test.count", "7", "the environment variable BROKERBRIDGE_TEST_COUNT");
        assertEquals(7, store.saved().get(COUNT));
        assertEquals(Optional.of("the environment variable BROKERBRIDGE_TEST_COUNT"), store.override("test.count"));
        assertEquals(Optional.empty(), store.override("test.low"));
    }
}
