package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProposalCursorTest {
    @Test
    void roundTripsAndIsUrlSafe() {
        ProposalCursor c = new ProposalCursor(-1_234_567_890_123L, "prp-00000000abcd|odd");
        String wire = c.encode();
        assertEquals(c, ProposalCursor.decode(wire));
        assertEquals(wire, wire.replaceAll("[^A-Za-z0-9_-]", ""), "base64url without padding");
    }

    @Test
    void refusesWhatItDidNotMake() {
        for (String raw : new String[] {"2|1|prp", "1|x|prp", "1|1|", "1|1"}) {
            String wire = Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            assertThrows(IllegalArgumentException.class, () -> ProposalCursor.decode(wire), raw);
        }
        assertThrows(IllegalArgumentException.class, () -> ProposalCursor.decode("***"));
    }
}
