package tech.brokerbridge.core.internal.proposals;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random ids: a prefix and 12 lowercase hex digits (48 random bits from a {@link SecureRandom}). Thread-safe. */
public final class RandomIds {
    /** The shape of a proposal id. */
    public static final Pattern PROPOSAL_ID = Pattern.compile("prp-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String proposalId() {
        return next("prp-");
    }

    public static String scanId() {
        return next("scn-");
    }

    public static String decisionId() {
        return next("dec-");
    }

    /** An action on a trade: {@code act-} and 12 hex digits. */
    public static String actionId() {
        return next("act-");
    }

    /** The ref of the order an action places ({@code cls-} or {@code stp-}), sharing the action's digits. */
    public static String placedRef(String prefix, String actionId) {
        return prefix + actionId.substring(actionId.indexOf('-') + 1);
    }

    private static String next(String prefix) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }
}
