package tech.brokerbridge.ai.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The fixed system prompt sent with every decision request, the same for every provider. It lives in
 * {@code adapter-ai/src/main/resources/tech/brokerbridge/ai/internal/system-prompt.txt}.
 */
public final class SystemPrompt {
    static final String RESOURCE = "system-prompt.txt";
    private static final String TEXT = load();

    private SystemPrompt() {
    }

    /** The prompt text. */
    public static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = SystemPrompt.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
