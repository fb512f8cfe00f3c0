package tech.brokerbridge.http.internal.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a JSON body is UTF-8, as RFC 8259 requires: a {@code charset} parameter, when given, must name
 * UTF-8, and the bytes must decode as UTF-8 without a NUL. The NUL check matters because JSON parsers
 * guess UTF-16 and UTF-32 from zero bytes, and UTF-16 text of ASCII characters is otherwise valid UTF-8.
 */
final class Utf8Body {
    private Utf8Body() {
    }

    static boolean isUtf8(CharSequence charset, byte[] body) {
        if (charset != null) {
            String c = charset.toString().trim().toLowerCase(Locale.ROOT);
            if (c.length() > 1 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            if (!c.equals("utf-8") && !c.equals("utf8")) {
                return false;
            }
        }
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
