package tech.brokerbridge.keyring.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** The names a vault accepts: 1–100 characters of letters, digits, '.', '_' and '-', starting with a letter or digit. */
public final class SecretNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private SecretNames() {}

    /**
     * @throws IllegalArgumentException when the name is not acceptable; the message does not repeat
     *     it, in case a secret was passed by mistake
     */
    public static String requireValid(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a secret name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
