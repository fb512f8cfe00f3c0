package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * contractData (10), as IB's EDecoder reads it between server 157 and 176: a version field (8) only
 * below 164; reqId; the contract (symbol, secType, lastTradeDateOrContractMonth, strike, right,
 * exchange, currency, localSymbol), marketName, tradingClass, conId, minTick, mdSizeMultiplier (110 to
 * 163), multiplier, orderTypes, validExchanges, priceMagnifier, underConId, longName, primaryExch,
 * contractMonth, industry, category, subcategory, timeZoneId, tradingHours, liquidHours, evRule,
 * evMultiplier, the secId list (count, then tag/value pairs), aggGroup (121+), underSymbol and
 * underSecType (122+), marketRuleIds (126+), realExpirationDate (134+), stockType (152+), sizeMinTick
 * (163 only), minSize, sizeIncrement and suggestedSizeIncrement (164+). Every field is walked; the
 * ones the adapter uses are kept ({@link Inbound.ContractData}). The fake gateway's encoder writes
 * the same layout.
 */
final class ContractDataCodec {
    private ContractDataCodec() {
    }

    static Inbound.ContractData decode(FieldReader r, int sv) {
        if (sv < ServerVersions.SIZE_RULES) {
            r.skip(1); // version 8
        }
        int reqId = r.readInt();
        String symbol = r.readString();
        String secType = r.readString();
        r.skip(3); // lastTradeDateOrContractMonth, strike, right
        String exchange = r.readString();
        String currency = r.readString();
        r.skip(3); // localSymbol, marketName, tradingClass
        int conId = r.readInt();
        double minTick = r.readDouble();
        if (sv >= ServerVersions.MD_SIZE_MULTIPLIER && sv < ServerVersions.SIZE_RULES) {
            r.skip(1);
        }
        r.skip(5); // multiplier, orderTypes, validExchanges, priceMagnifier, underConId
        String longName = r.readString();
        if (sv >= ServerVersions.ENCODE_MSG_ASCII7) {
            longName = InboundDecoder.unescape(longName);
        }
        String primaryExch = r.readString();
        r.skip(4); // contractMonth, industry, category, subcategory
        String timeZoneId = r.readString();
        String tradingHours = r.readString();
        String liquidHours = r.readString();
        r.skip(2); // evRule, evMultiplier
        int secIds = r.readInt();
        if (secIds < 0 || secIds > 1000) {
            throw new ProtocolException("secId count out of range: " + secIds);
        }
        r.skip(2 * secIds);
        int tail = (sv >= ServerVersions.AGG_GROUP ? 1 : 0) + (sv >= ServerVersions.UNDERLYING_INFO ? 2 : 0)
                + (sv >= ServerVersions.MARKET_RULES ? 1 : 0) + (sv >= ServerVersions.REAL_EXPIRATION_DATE ? 1 : 0)
                + (sv >= ServerVersions.STOCK_TYPE ? 1 : 0)
                + (sv >= ServerVersions.FRACTIONAL_SIZE_SUPPORT && sv < ServerVersions.SIZE_RULES ? 1 : 0)
                + (sv >= ServerVersions.SIZE_RULES ? 3 : 0);
        r.skip(tail);
        return new Inbound.ContractData(reqId, symbol, secType, conId, minTick, exchange, primaryExch, currency,
                longName, timeZoneId, tradingHours, liquidHours);
    }
}
