package tech.brokerbridge.ai.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a provider's successful (2xx) body says: the answer text, or a problem that makes it unusable
 * (cut off, refused, blocked, an error inside a 200), plus the token counts when reported.
 *
 * @param text the model's answer text ("" when there is none)
 * @param problem why the body holds no usable answer, if so
 */
record Reply(String text, Optional<String> problem, OptionalLong inputTokens, OptionalLong outputTokens) {
    Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
    }

    static Reply answer(String text, OptionalLong in, OptionalLong out) {
        return new Reply(text, Optional.empty(), in, out);
    }

    static Reply problem(String text, String problem, OptionalLong in, OptionalLong out) {
        return new Reply(text, Optional.of(problem), in, out);
    }

    static Reply unreadable() {
        return new Reply("", Optional.of("the provider's response body is not the documented JSON"),
                OptionalLong.empty(), OptionalLong.empty());
    }
}
