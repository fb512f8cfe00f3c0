package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesAndReadsBackEveryKindOfValue() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("empty", Map.of());
        inner.put("none", List.of());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", "quote \" backslash \\ tab \t newline \n bell \u0007 é");
        doc.put("long", Json.Num.of(Long.MIN_VALUE));
        doc.put("third", Json.Num.of(1.0 / 3));
        doc.put("tiny", Json.Num.of(1.0e-300));
        doc.put("cents", Json.Num.of(99_010.27));
        doc.put("flags", List.of(true, false));
        doc.put("inner", inner);

        String text = Json.write(doc);
        assertEquals(doc, Json.read(text));
        JsonFields f = new JsonFields("doc", Json.read(text));
        assertEquals(Long.MIN_VALUE, f.integer("long"));
        assertEquals(1.0 / 3, f.decimal("third"), 0.0, "doubles come back bit for bit");
        assertEquals(1.0e-300, f.decimal("tiny"), 0.0);
        assertEquals(99_010.27, f.decimal("cents"), 0.0);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void readsWhatOtherWritersProduce() {
        Object v = Json.read(" {\"a\":[1,-0.5e+2,2E3],\"b\":\"\\u0041\\/\"}\r\n");
        JsonFields f = new JsonFields("doc", v);
        assertEquals("A/", f.string("b"));
        assertEquals(List.of(new Json.Num("1"), new Json.Num("-0.5e+2"), new Json.Num("2E3")), f.array("a"));
    }

    @Test
    void refusesAnythingButStrictJson() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{a:1}", "{\"a\":01}", "{\"a\":1.}",
                "{\"a\":.5}", "{\"a\":1e}", "{\"a\":null}", "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
                "{\"a\":\"line\nbreak\"}", "{\"a\":1,\"a\":2}", "// c\n{}", "{\"a\":tru}", "[".repeat(40) + "]".repeat(40),
                "\u0000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(bad), bad);
            assertTrue(e.getMessage().startsWith("JSON syntax error at line "), e.getMessage());
        }
    }

    @Test
    void saysWhereASyntaxErrorIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read("{\n  \"a\": 1,\n  ]"));
        assertTrue(e.getMessage().contains("line 3, column 3"), e.getMessage());
    }

    @Test
    void fieldsAreTypedAndUnknownOnesRefused() {
        JsonFields f = new JsonFields("account", Json.read("{\"n\":1.5,\"s\":2,\"big\":1e400,\"extra\":true}"));
        assertEquals("account: \"n\" must be a whole number",
                assertThrows(IllegalArgumentException.class, () -> f.integer("n")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.string("s"));
        assertThrows(IllegalArgumentException.class, () -> f.decimal("big"));
        assertEquals("account: missing \"gone\"",
                assertThrows(IllegalArgumentException.class, () -> f.string("gone")).getMessage());
        assertEquals("account: unknown field \"extra\"",
                assertThrows(IllegalArgumentException.class, f::end).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JsonFields("x", Json.read("[]")));
    }

    @Test
    void refusesToWriteWhatItCannotReadBack() {
        assertThrows(IllegalArgumentException.class, () -> Json.Num.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.Num.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(3)));
    }
}
