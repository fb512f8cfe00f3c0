package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> o = MiniJson.parseObject(
                " {\"s\":\"a\\\"b\\\\c\\u00e9\\n\",\"n\":-12,\"d\":1.5e2,\"t\":true,\"f\":false,\"z\":null,"
                        + "\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
        assertEquals("a\"b\\c\u00e9\n", o.get("s"));
        assertEquals(-12L, o.get("n"));
        assertEquals(150.0, o.get("d"));
        assertEquals(Boolean.TRUE, o.get("t"));
        assertEquals(Boolean.FALSE, o.get("f"));
        assertEquals(MiniJson.NULL, o.get("z"));
        assertEquals(List.of(1L, List.of(), Map.of()), o.get("a"));
        assertEquals(Map.of("k", "v"), o.get("o"));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("format", 1L);
        o.put("names", List.of("a.b", "q\"uote", "ctl\u0001"));
        o.put("empty", Map.of());
        o.put("flag", true);
        assertEquals(o, MiniJson.parseObject(MiniJson.write(o)));
    }

    @Test
    void rejectsBrokenJsonWithoutQuotingIt() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "{\"a\":tru}", "\"open", "{} x", "{\"k\":\"\\q\"}"}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad));
            assertFalse(bad.length() > 2 && ex.getMessage().contains(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parseObject("[]"));
    }
}
