package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * The gateway's side of the codec: writes server-to-client messages the way TWS does at a given
 * server version (unset doubles in order-state slots as {@code 1.7976931348623157E308}, the
 * delta-neutral order type as {@code None} followed by its 8 fields, duration as 2147483647).
 */
public final class InboundEncoder {
    private static final String MAX_DOUBLE = "1.7976931348623157E308";
    private final int sv;

    public InboundEncoder(int serverVersion) {
        this.sv = serverVersion;
    }

    public byte[] frame(Inbound m) {
        FieldWriter w = new FieldWriter(512);
        encode(m, w);
        return w.toFrame();
    }

    public void encode(Inbound m, FieldWriter w) {
        if (m instanceof ManagedAccounts a) {
            w.add(Inbound.MANAGED_ACCTS).add(1).add(String.join(",", a.accounts()));
        } else if (m instanceof NextValidId n) {
            w.add(Inbound.NEXT_VALID_ID).add(1).add(n.orderId());
        } else if (m instanceof CurrentTime t) {
            w.add(Inbound.CURRENT_TIME).add(1).add(t.epochSeconds());
        } else if (m instanceof ErrorMessage e) {
            w.add(Inbound.ERR_MSG).add(2).add(e.id()).add(e.code()).add(escape(e.message()));
            if (sv >= ServerVersions.ADVANCED_ORDER_REJECT) {
                w.add(e.advancedOrderRejectJson());
            }
        } else if (m instanceof AccountSummary a) {
            w.add(Inbound.ACCOUNT_SUMMARY).add(1).add(a.reqId()).add(a.account()).add(a.tag()).add(a.value())
                    .add(a.currency());
        } else if (m instanceof AccountSummaryEnd a) {
            w.add(Inbound.ACCOUNT_SUMMARY_END).add(1).add(a.reqId());
        } else if (m instanceof PositionData p) {
            Contract c = p.contract();
            w.add(Inbound.POSITION).add(3).add(p.account()).add(c.conId()).add(c.symbol()).add(c.secType())
                    .add(c.lastTradeDate()).add(c.strike()).add(c.right()).add(c.multiplier()).add(c.exchange())
                    .add(c.currency()).add(c.localSymbol()).add(c.tradingClass()).addDecimal(p.position())
                    .add(p.avgCost());
        } else if (m instanceof PositionEnd) {
            w.add(Inbound.POSITION_END).add(1);
        } else if (m instanceof HistoricalData h) {
            w.add(Inbound.HISTORICAL_DATA).add(h.reqId()).add(h.startDate()).add(h.endDate()).add(h.bars().size());
            for (HistoricalBar b : h.bars()) {
                w.add(b.date()).add(b.open()).add(b.high()).add(b.low()).add(b.close()).addDecimal(b.volume())
                        .addDecimal(b.wap()).add(b.count());
            }
        } else if (m instanceof OrderStatus o) {
            w.add(Inbound.ORDER_STATUS).add(o.orderId()).add(o.status()).addDecimal(o.filled())
                    .addDecimal(o.remaining()).add(o.avgFillPrice()).add(o.permId()).add(o.parentId())
                    .add(o.lastFillPrice()).add(o.clientId()).add(o.whyHeld()).add(o.mktCapPrice());
        } else if (m instanceof OpenOrder o) {
            openOrder(o, w);
        } else if (m instanceof OpenOrderEnd) {
            w.add(Inbound.OPEN_ORDER_END).add(1);
        } else if (m instanceof ExecDetails x) {
            Contract c = x.contract();
            Execution e = x.execution();
            w.add(Inbound.EXECUTION_DATA).add(x.reqId()).add(x.orderId()).add(c.conId()).add(c.symbol())
                    .add(c.secType()).add(c.lastTradeDate()).add(c.strike()).add(c.right()).add(c.multiplier())
                    .add(c.exchange()).add(c.currency()).add(c.localSymbol()).add(c.tradingClass())
                    .add(e.execId()).add(e.time()).add(e.account()).add(e.exchange()).add(e.side())
                    .addDecimal(e.shares()).add(e.price()).add(e.permId()).add(e.clientId()).add(e.liquidation())
                    .addDecimal(e.cumQty()).add(e.avgPrice()).add(e.orderRef()).add(e.evRule())
                    .add(e.evMultiplier()).add(e.modelCode()).add(e.lastLiquidity());
            if (sv >= ServerVersions.PENDING_PRICE_REVISION) {
                w.add(false);
            }
        } else if (m instanceof ExecDetailsEnd x) {
            w.add(Inbound.EXECUTION_DATA_END).add(1).add(x.reqId());
        } else if (m instanceof CommissionReport c) {
            w.add(Inbound.COMMISSION_REPORT).add(1).add(c.execId()).add(c.commission()).add(c.currency())
                    .add(c.realizedPnl()).add(c.yield()).add(c.yieldRedemptionDate());
        } else if (m instanceof UpdateAccountValue v) {
            w.add(Inbound.ACCT_VALUE).add(2).add(v.key()).add(v.value()).add(v.currency()).add(v.account());
        } else if (m instanceof UpdatePortfolio p) {
            Contract c = p.contract();
            w.add(Inbound.PORTFOLIO_VALUE).add(8).add(c.conId()).add(c.symbol()).add(c.secType())
                    .add(c.lastTradeDate()).add(c.strike()).add(c.right()).add(c.multiplier()).add(c.primaryExch())
                    .add(c.currency()).add(c.localSymbol()).add(c.tradingClass()).addDecimal(p.position())
                    .add(p.marketPrice()).add(p.marketValue()).add(p.averageCost()).add(p.unrealizedPnl())
                    .add(p.realizedPnl()).add(p.account());
        } else if (m instanceof UpdateAccountTime t) {
            w.add(Inbound.ACCT_UPDATE_TIME).add(1).add(t.time());
        } else if (m instanceof AccountDownloadEnd d) {
            w.add(Inbound.ACCT_DOWNLOAD_END).add(1).add(d.account());
        } else if (m instanceof PnL p) {
            w.add(Inbound.PNL).add(p.reqId()).add(dbl(p.dailyPnl())).add(dbl(p.unrealizedPnl()))
                    .add(dbl(p.realizedPnl()));
        } else if (m instanceof ContractData d) {
            contractData(d, w);
        } else if (m instanceof ContractDataEnd d) {
            w.add(Inbound.CONTRACT_DATA_END).add(1).add(d.reqId());
        } else if (m instanceof TickPrice t) {
            w.add(Inbound.TICK_PRICE).add(6).add(t.tickerId()).add(t.field()).add(t.price()).addDecimal(t.size())
                    .add(t.attrMask());
        } else if (m instanceof TickSize t) {
            w.add(Inbound.TICK_SIZE).add(6).add(t.tickerId()).add(t.field()).addDecimal(t.size());
        } else if (m instanceof MarketDataType t) {
            w.add(Inbound.MARKET_DATA_TYPE).add(1).add(t.reqId()).add(t.type());
        } else if (m instanceof TickReqParams t) {
            w.add(Inbound.TICK_REQ_PARAMS).add(t.tickerId()).add(t.minTick()).add(t.bboExchange())
                    .add(t.snapshotPermissions());
        } else if (m instanceof TickSnapshotEnd t) {
            w.add(Inbound.TICK_SNAPSHOT_END).add(1).add(t.reqId());
        } else if (m instanceof Unhandled u) {
            w.add(u.messageId()).add(1);
        }
    }

    private void openOrder(OpenOrder o, FieldWriter w) {
        Contract c = o.contract();
        w.add(Inbound.OPEN_ORDER).add(o.orderId())
                .add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDate()).add(c.strike()).add(c.right())
                .add(c.multiplier()).add(c.exchange()).add(c.currency()).add(c.localSymbol()).add(c.tradingClass());
        w.add(o.action()).addDecimal(o.totalQuantity()).add(o.orderType()).add(dbl(o.lmtPrice())).add(dbl(o.auxPrice()))
                .add(o.tif()).add(o.ocaGroup()).add(o.account()).add("").add(0).add(o.orderRef()).add(o.clientId())
                .add(o.permId());
        w.add(false).add(false).add(0.0).add("").add("").add("").add("").add(""); // outsideRth .. faPercentage
        if (sv < ServerVersions.FA_PROFILE_DESUPPORT) {
            w.add("");
        }
        w.add("").add("").add("").add("").add("").add(0).add("").add(-1).add(0).add(MAX_DOUBLE).add(MAX_DOUBLE)
                .add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add(0).add(false).add(false).add(false).add("")
                .add(0).add(false).add(false).add(MAX_DOUBLE); // modelCode .. nbboPriceCap
        w.add(o.parentId()).add(0); // parentId, triggerMethod
        w.add(MAX_DOUBLE).add(0).add("None").add(MAX_DOUBLE) // volatility block; TWS sends "None"
                .add(0).add("").add("").add("").add("").add(0).add(0).add("") // the 8 delta-neutral fields
                .add(false).add(0); // continuousUpdate, referencePriceType
        w.add(dbl(o.trailStopPrice())).add(dbl(o.trailingPercent())).add(MAX_DOUBLE).add("").add("") // trail, basis points, combo descr.
                .add(0).add(0).add(0) // combo legs, leg prices, smart routing params
                .add("").add("").add("") // scale sizes and increment unset
                .add("") // hedgeType
                .add(false).add("").add("").add(false) // optOut, clearingAccount, clearingIntent, notHeld
                .add(false).add("").add(false); // delta-neutral contract, algo, solicited
        w.add(false).add(o.status());
        for (int i = 0; i < 9; i++) {
            w.add(MAX_DOUBLE); // margins
        }
        w.add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add("").add(o.warningText());
        w.add(false).add(false); // randomize size / price
        w.add(0); // conditions
        w.add("").add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE)
                .add(0).add("").add("").add("").add(MAX_DOUBLE).add(false).add(false).add(false).add("");
        if (sv >= ServerVersions.DURATION) {
            w.add(Integer.MAX_VALUE);
        }
        if (sv >= ServerVersions.POST_TO_ATS) {
            w.add(Integer.MAX_VALUE);
        }
        if (sv >= ServerVersions.AUTO_CANCEL_PARENT) {
            w.add(false);
        }
        if (sv >= ServerVersions.PEGBEST_PEGMID_OFFSETS) {
            w.add(Integer.MAX_VALUE).add(false).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE);
        }
    }

    /** contractData (10) as TWS writes it at this server version: every field of the layout, in order. */
    private void contractData(ContractData d, FieldWriter w) {
        w.add(Inbound.CONTRACT_DATA);
        if (sv < ServerVersions.SIZE_RULES) {
            w.add(8);
        }
        w.add(d.reqId()).add(d.symbol()).add(d.secType()).add("").add(0.0).add("").add(d.exchange())
                .add(d.currency()).add(d.symbol()).add("NMS").add("NMS").add(d.conId()).add(d.minTick());
        if (sv >= ServerVersions.MD_SIZE_MULTIPLIER && sv < ServerVersions.SIZE_RULES) {
            w.add(1);
        }
        w.add("").add("ACTIVETIM,ADJUST,ALERT,LMT,MKT,STP,TRAIL").add("SMART,NASDAQ,NYSE").add(1).add(0)
                .add(escape(d.longName())).add(d.primaryExch()).add("").add("Technology").add("Computers")
                .add("Computers").add(d.timeZoneId()).add(d.tradingHours()).add(d.liquidHours()).add("")
                .add(MAX_DOUBLE).add(1).add("ISIN").add("US0000000000");
        if (sv >= ServerVersions.AGG_GROUP) {
            w.add(1);
        }
        if (sv >= ServerVersions.UNDERLYING_INFO) {
            w.add("").add("");
        }
        if (sv >= ServerVersions.MARKET_RULES) {
            w.add("26,26,26");
        }
        if (sv >= ServerVersions.REAL_EXPIRATION_DATE) {
            w.add("");
        }
        if (sv >= ServerVersions.STOCK_TYPE) {
            w.add("COMMON");
        }
        if (sv >= ServerVersions.FRACTIONAL_SIZE_SUPPORT && sv < ServerVersions.SIZE_RULES) {
            w.addDecimal(0.0001);
        }
        if (sv >= ServerVersions.SIZE_RULES) {
            w.addDecimal(1).addDecimal(1).addDecimal(1);
        }
    }

    private static String dbl(double v) {
        return v == Double.MAX_VALUE ? MAX_DOUBLE : String.valueOf(v);
    }

    /** TWS escapes non-ASCII characters in error texts from server 153. */
    private String escape(String s) {
        if (sv < ServerVersions.ENCODE_MSG_ASCII7) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 0x80) {
                b.append(ch);
            } else {
                b.append(String.format("\\u%04x", (int) ch));
            }
        }
        return b.toString();
    }
}
