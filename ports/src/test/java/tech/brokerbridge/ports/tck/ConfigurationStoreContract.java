package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingType;

/**
 * The contract every {@link ConfigurationStore} honours, real or fake: a value is read against its
 * declaration; a staged change is checked against every declaration and rule and replaces the saved
 * configuration only when committed, never the running one; a staging with problems cannot be
 * committed, and closing an uncommitted one changes nothing.
 *
 * <p>Extend it: {@link #newStore()} returns a fresh store on the declared defaults (called once per
 * test); {@link #wholeNumber()} is one of its settings, a whole number with at least three values in
 * its range and no rule; {@link #ruleBreakingChanges()} are values that each pass their declaration
 * but together break the rule between {@link #ruleKeys()}.
 */
public abstract class ConfigurationStoreContract {
    protected abstract ConfigurationStore newStore();

    protected abstract Setting<Integer> wholeNumber();

    protected abstract Map<String, Object> ruleBreakingChanges();

    protected abstract List<String> ruleKeys();

    private int other(ConfigurationStore store) {
        SettingType.IntRange range = (SettingType.IntRange) wholeNumber().type();
        int now = store.saved().get(wholeNumber());
        return now == range.min() ? range.min() + 1 : range.min();
    }

    @Test
    void aValueIsReadAgainstItsDeclaration() {
        ConfigurationStore store = newStore();
        SettingType.IntRange range = (SettingType.IntRange) wholeNumber().type();
        assertEquals(new Parsed.Value<>(range.min()), store.read(wholeNumber().key(), range.min()));
        assertEquals(new Parsed.Value<>(range.max()), store.read(wholeNumber().key(), String.valueOf(range.max())));
        Parsed<?> over = store.read(wholeNumber().key(), (long) range.max() + 1);
        assertInstanceOf(Parsed.Problem.class, over);
        assertTrue(((Parsed.Problem<?>) over).message().contains(String.valueOf(range.max())), "says the range: " + over);
        assertInstanceOf(Parsed.Problem.class, store.read("no.such_setting", 1));
    }

    @Test
    void aCommittedChangeIsSavedButNotRunning() {
        ConfigurationStore store = newStore();
        int before = store.running().get(wholeNumber());
        int value = other(store);
        try (ConfigurationStore.Staged staged = store.stage(Map.of(wholeNumber().key(), value))) {
            assertEquals(List.of(), staged.problems());
            assertEquals(value, staged.view().get(wholeNumber()));
            assertEquals(before, store.saved().get(wholeNumber()), "not before the commit");
            staged.commit();
            assertEquals(value, staged.view().get(wholeNumber()));
        }
        assertEquals(value, store.saved().get(wholeNumber()));
        assertEquals(before, store.running().get(wholeNumber()), "the running configuration stays");
    }

    @Test
    void aStagingThatIsClosedChangesNothing() {
        ConfigurationStore store = newStore();
        int before = store.saved().get(wholeNumber());
        try (ConfigurationStore.Staged staged = store.stage(Map.of(wholeNumber().key(), other(store)))) {
            assertTrue(staged.problems().isEmpty());
        }
        assertEquals(before, store.saved().get(wholeNumber()));
    }

    @Test
    void aBadValueIsAProblemNamingItsKeyAndCannotBeCommitted() {
        ConfigurationStore store = newStore();
        SettingType.IntRange range = (SettingType.IntRange) wholeNumber().type();
        try (ConfigurationStore.Staged staged = store.stage(Map.of(wholeNumber().key(), (long) range.max() + 1))) {
            assertFalse(staged.problems().isEmpty());
            assertTrue(staged.problems().stream().anyMatch(p -> p.keys().equals(List.of(wholeNumber().key()))),
                    staged.problems().toString());
            assertThrows(IllegalStateException.class, staged::commit);
            assertThrows(IllegalStateException.class, staged::view);
        }
    }

    @Test
    void aBrokenRuleIsAProblemNamingItsKeys() {
        ConfigurationStore store = newStore();
        try (ConfigurationStore.Staged staged = store.stage(ruleBreakingChanges())) {
            List<SettingProblem> problems = staged.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(ruleKeys(), problems.get(0).keys());
            assertThrows(IllegalStateException.class, staged::commit);
        }
    }
}
