package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The public Fernet acceptance vectors, from the test class path ({@code src/test/resources/fernet/},
 * origin noted in {@code ORIGIN.md} there): the build reads nothing outside the repository.
 */
class FernetVectorsTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String file) throws IOException {
        String text;
        try (InputStream in = FernetVectorsTest.class.getResourceAsStream("/fernet/" + file)) {
            assertNotNull(in, "test resource /fernet/" + file + " is missing");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> cases = TestVaults.parse(text);
        assertFalse(cases.isEmpty(), file + " has no cases");
        return cases;
    }

    static Instant instant(Map<String, Object> c) {
        return OffsetDateTime.parse((String) c.get("now")).toInstant();
    }

    static Fernet fernetAt(Map<String, Object> c) {
        return Fernet.fromBase64Key(
                (String) c.get("secret"), Clock.fixed(instant(c), ZoneOffset.UTC), new SecureRandom());
    }

    @TestFactory
    Stream<DynamicTest> generate() throws IOException {
        return load("generate.json").stream().map(c -> DynamicTest.dynamicTest("generate " + c.get("src"), () -> {
            List<?> ivList = (List<?>) c.get("iv");
            byte[] iv = new byte[ivList.size()];
            for (int i = 0; i < iv.length; i++) {
                iv[i] = ((Long) ivList.get(i)).byteValue();
            }
            String token = fernetAt(c).encrypt(((String) c.get("src")).getBytes(StandardCharsets.UTF_8), instant(c), iv);
            assertEquals(c.get("token"), token);
        }));
    }

    @TestFactory
    Stream<DynamicTest> verify() throws IOException {
        return load("verify.json").stream().map(c -> DynamicTest.dynamicTest("verify " + c.get("src"), () -> {
            Fernet fernet = fernetAt(c);
            byte[] expected = ((String) c.get("src")).getBytes(StandardCharsets.UTF_8);
            String token = (String) c.get("token");
            assertArrayEquals(expected, fernet.decrypt(token, Duration.ofSeconds((Long) c.get("ttl_sec"))));
            assertArrayEquals(expected, fernet.decrypt(token));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalid() throws IOException {
        return load("invalid.json").stream().map(c -> DynamicTest.dynamicTest("reject " + c.get("desc"), () -> {
            Fernet fernet = fernetAt(c);
            assertThrows(
                    InvalidTokenException.class,
                    () -> fernet.decrypt((String) c.get("token"), Duration.ofSeconds((Long) c.get("ttl_sec"))));
        }));
    }
}
