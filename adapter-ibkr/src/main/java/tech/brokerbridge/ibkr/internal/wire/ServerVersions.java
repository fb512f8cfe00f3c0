package tech.brokerbridge.ibkr.internal.wire;

/**
 * Server versions the codec knows. The client offers {@link #OFFER_MIN}..{@link #OFFER_MAX} in the
 * handshake; every layout below that range's top is decided by the gates here.
 *
 * <p>Why the floor is 157 and not 100: below 145 placeOrder/openOrder carry per-message version
 * fields (and below 136/131/124 other messages do too) whose layouts this codec does not implement.
 * Offering a version we cannot speak would let a very old gateway pick it and silently misalign.
 */
public final class ServerVersions {
    public static final int OFFER_MIN = 157;
    public static final int OFFER_MAX = 176;

    /** startApi carries optionalCapabilities. */
    public static final int OPTIONAL_CAPABILITIES = 72;
    /** Error texts escape non-ASCII characters as {@code \\uXXXX}. */
    public static final int ENCODE_MSG_ASCII7 = 153;
    /** contractData: mdSizeMultiplier from 110 to 163. */
    public static final int MD_SIZE_MULTIPLIER = 110;
    public static final int AGG_GROUP = 121;
    public static final int UNDERLYING_INFO = 122;
    public static final int MARKET_RULES = 126;
    public static final int REAL_EXPIRATION_DATE = 134;
    public static final int STOCK_TYPE = 152;
    /** contractData: sizeMinTick (163 only; replaced by the size rules at 164). */
    public static final int FRACTIONAL_SIZE_SUPPORT = 163;
    /** contractData loses its version field and gains minSize, sizeIncrement, suggestedSizeIncrement. */
    public static final int SIZE_RULES = 164;
    public static final int DURATION = 158;
    public static final int POST_TO_ATS = 160;
    public static final int AUTO_CANCEL_PARENT = 162;
    public static final int ADVANCED_ORDER_REJECT = 166;
    public static final int MANUAL_ORDER_TIME = 169;
    public static final int PEGBEST_PEGMID_OFFSETS = 170;
    public static final int BOND_ISSUERID = 176;
    public static final int FA_PROFILE_DESUPPORT = 177;
    public static final int PENDING_PRICE_REVISION = 178;

    private ServerVersions() {
    }

    public static boolean supported(int serverVersion) {
        return serverVersion >= OFFER_MIN && serverVersion <= OFFER_MAX;
    }
}
