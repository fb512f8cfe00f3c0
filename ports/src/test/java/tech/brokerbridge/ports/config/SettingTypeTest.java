package tech.brokerbridge.ports.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A setting's declaration reads what users type and says the range whenever a value is outside it. */
class SettingTypeTest {
    private static Object problem(Parsed<?> p) {
        return ((Parsed.Problem<?>) p).message();
    }

    @Test
    void wholeNumbersSayTheirRangeHoweverFarOutsideTheValueIs() {
        SettingType.IntRange r = new SettingType.IntRange(1, 100);
        assertEquals(new Parsed.Value<>(42), r.read(" 42 "));
        assertEquals(new Parsed.Value<>(42), r.read(42L));
        assertEquals("must be between 1 and 100", problem(r.read("0")));
        assertEquals("must be between 1 and 100", problem(r.read("99999999999999999999999")));
        assertEquals("must be a whole number between 1 and 100", problem(r.read("1e3")));
        assertEquals("must be a whole number between 1 and 100", problem(r.read(5.5)));
    }

    @Test
    void decimalsSayTheirRangeAndRefuseWhatIsNotFinite() {
        SettingType.DecimalRange r = new SettingType.DecimalRange(0, 100, true);
        assertEquals(new Parsed.Value<>(5.0), r.read(5));
        assertEquals("must be greater than 0 and at most 100", problem(r.read("0")));
        assertEquals("must be a number greater than 0 and at most 100", problem(r.read("NaN")));
        assertEquals("must be greater than 0 and at most 100", problem(r.read("1e400")));
    }

    @Test
    void aRateSaysTheRangesOfNAndW() {
        SettingType.RateLimit r = new SettingType.RateLimit(1_000_000_000, Duration.ofHours(24));
        assertEquals(new Parsed.Value<>(new Rate(5, Duration.ofMinutes(1))), r.read("5/1m"));
        String ranges = "N must be between 1 and 1000000000 and W between 1 s and 24 h";
        assertEquals("is out of range: " + ranges, problem(r.read("2147483647/60s")));
        assertEquals("is out of range: " + ranges, problem(r.read("0/60s")));
        assertEquals("is out of range: " + ranges, problem(r.read("100/25h")));
        assertTrue(problem(r.read("fast")).toString().endsWith(ranges));
    }

    @Test
    void aListIsBoundedAndTooLongATextIsRefusedBeforeItIsSplit() {
        SettingType.TextList l = new SettingType.TextList(Pattern.compile("[A-Z]{1,5}"), "a symbol", 1, 3);
        assertEquals(new Parsed.Value<>(List.of("A", "B")), l.read(" A, ,B "));
        assertEquals(new Parsed.Value<>(List.of("A")), l.read(List.of("A")));
        assertEquals("must list at most 3 items (got 4)", problem(l.read("A,B,C,D")));
        assertEquals("must list at most 3 items", problem(l.read(Collections.nCopies(100_000, "A"))));
        assertEquals("must list at most 3 items", problem(l.read(String.join(",", Collections.nCopies(100_000, "A")))));
        assertEquals("must list at least 1 item", problem(l.read("")));
        assertEquals("item 'a' is not a symbol", problem(l.read("a")));
        assertEquals("must be a list of plain values", problem(l.read(List.of(Map.of()))));
    }

    @Test
    void aUrlIsNeverEchoedInAProblem() {
        Setting<URI> base = Setting.url("x.base", URI.create("https://api.example.com"), "base");
        Optional<String> p = base.problem(URI.create("https://api.example.com/?key=sk-123"));
        assertTrue(p.orElseThrow().contains("query") && !p.orElseThrow().contains("sk-123"), p.toString());
        assertEquals("x.base must be between 1 and 9, got 10",
                Setting.integer("x.base", 1, 9, 1, "n").problem(10).orElseThrow());
    }

    @Test
    void aGroupChecksValuesThenItsRulesAndNamesEveryProblem() {
        Setting<Double> a = Setting.decimal("t.a", 0, 1, 0.5, "a");
        Setting<Double> b = Setting.decimal("t.b", 0, 1, 0.5, "b");
        SettingGroup g = SettingGroup.of("T", List.of(a, b), new SettingRule(List.of(a, b),
                v -> v.get(a) + v.get(b) > 0 ? Optional.empty() : Optional.of("t.a and t.b must not both be 0")));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> g.require(Map.of(a, 0.0, b, 0.0)));
        assertEquals(List.of(new SettingProblem(List.of("t.a", "t.b"), "t.a and t.b must not both be 0")), e.problems());
        e = assertThrows(InvalidSettingsException.class, () -> g.require(Map.of(a, 2.0, b, 0.0)));
        assertEquals(List.of(SettingProblem.of("t.a", "t.a must be at least 0 and at most 1, got 2.0")), e.problems(),
                "a rule is not applied to a value that broke its declaration");
        assertThrows(IllegalArgumentException.class, () -> Setting.integer("t.c", 1, 9, 10, "default outside"));
    }
}
