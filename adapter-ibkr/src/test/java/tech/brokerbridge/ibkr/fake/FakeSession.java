package tech.brokerbridge.ibkr.fake;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.msg.InboundEncoder;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound.*;
import tech.brokerbridge.ibkr.internal.msg.RequestDecoder;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;

/** One client connection to the fake gateway: handshake, startApi, then requests and answers. */
final class FakeSession implements Runnable {
    private final FakeGateway gw;
    private final Socket socket;
    private OutputStream out;
    private InboundEncoder encoder;
    /** Guarded by this session's monitor, as {@link #out} is. */
    private final FieldWriter frame = new FieldWriter(2048);
    private int clientId = -1;
    /** The session's market data type (reqMarketDataType): 1 live, 3 delayed, 4 delayed frozen. */
    private int dataType = 1;

    FakeSession(FakeGateway gw, Socket socket) {
        this.gw = gw;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 65536));
            byte[] prefix = new byte[4];
            in.readFully(prefix);
            if (!new String(prefix, StandardCharsets.US_ASCII).equals("API\0")) {
                return;
            }
            String range = new String(readFrame(in), StandardCharsets.US_ASCII);
            gw.handshakes.add(range);
            String[] parts = range.split(" ")[0].substring(1).split("\\.\\.");
            int min = Integer.parseInt(parts[0]);
            int max = Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]);
            // like TWS: the highest version both support; the client refuses it if below its minimum
            int version = Math.min(gw.maxServerVersion, max);
            synchronized (this) {
                out.write(new FieldWriter().add(version).add("20260302 15:00:00 EST").toFrame());
                flush();
            }
            encoder = new InboundEncoder(version);
            RequestDecoder decoder = new RequestDecoder(version);
            Outbound first = decoder.decode(readFrame(in));
            gw.received.add(first);
            if (!(first instanceof StartApi start)) {
                return;
            }
            if (!register(start.clientId())) {
                send(new ErrorMessage(-1, 326, "Unable to connect as the client id is already in use. Retry with a"
                        + " unique client id.", ""));
                flush();
                return;
            }
            gw.connectedVersions.add(version);
            greet();
            flush();
            while (true) {
                byte[] frame = readFrame(in);
                gw.lastFrameReadNanos = System.nanoTime();
                if (socket.isClosed()) {
                    return; // dropped: bytes still in our buffer were never "received"
                }
                Outbound m = decoder.decode(frame);
                gw.received.add(m);
                gw.beforeAnswer.accept(m);
                if (gw.silent.test(m)) {
                    continue;
                }
                List<Inbound> instead = gw.override.apply(m);
                if (instead != null) {
                    for (Inbound i : instead) {
                        send(i);
                    }
                } else {
                    handle(m);
                }
                flush();
                gw.lastAnswerFlushedNanos = System.nanoTime();
            }
        } catch (EOFException e) {
            // client went away
        } catch (IOException e) {
            // dropped
        } finally {
            close();
            synchronized (gw) {
                if (clientId >= 0) {
                    gw.clientIds.remove(clientId);
                    gw.sessionsByClient.remove(clientId, this);
                    // untransmitted orders live only in the client's session
                    gw.orders.values().removeIf(o -> o.clientId == clientId && !o.transmitted);
                }
            }
            gw.sessionEnded(this);
        }
    }

    private boolean register(int id) {
        synchronized (gw) {
            if (gw.clientIds.contains(id)) {
                return false;
            }
            gw.clientIds.add(id);
            gw.sessionsByClient.put(id, this);
            clientId = id;
            return true;
        }
    }

    private void greet() throws IOException {
        send(new ManagedAccounts(gw.accounts));
        send(new NextValidId(nextId()));
        synchronized (gw) {
            // "we send back all the API open orders upon connection"
            for (FakeOrder o : gw.orders.values()) {
                if (o.clientId == clientId && o.transmitted && !o.done()) {
                    send(o.openOrder());
                    send(o.orderStatus());
                }
            }
        }
        send(new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", ""));
        send(new ErrorMessage(-1, 2106, "HMDS data farm connection is OK:ushmds", ""));
        send(new ErrorMessage(-1, 2158, "Sec-def data farm connection is OK:secdefnj", ""));
        for (ErrorMessage e : gw.connectErrors) {
            send(e);
        }
    }

    private int nextId() {
        synchronized (gw) {
            return (gw.orders.isEmpty() ? 0 : gw.orders.lastKey()) + 1;
        }
    }

    private void handle(Outbound m) throws IOException {
        if (m instanceof ReqIds) {
            send(new NextValidId(nextId()));
        } else if (m instanceof ReqCurrentTime) {
            send(new CurrentTime(1_772_463_600L));
        } else if (m instanceof ReqManagedAccts) {
            send(new ManagedAccounts(gw.accounts));
        } else if (m instanceof ReqAccountSummary r) {
            for (String account : gw.accounts) {
                for (String tag : r.tags().split(",")) {
                    String v = gw.accountSummary.get(tag);
                    if (v != null) {
                        send(new AccountSummary(r.reqId(), account, tag, v, "USD"));
                    }
                }
            }
            send(new AccountSummaryEnd(r.reqId()));
        } else if (m instanceof ReqPositions) {
            for (FakeGateway.Holding h : gw.allHoldings()) {
                send(new PositionData(gw.accounts.get(0), contract(h.symbol(), h.conId()), h.quantity(), h.avgCost()));
            }
            send(new PositionEnd());
        } else if (m instanceof ReqAccountUpdates r && r.subscribe()) {
            accountUpdates(r.account());
        } else if (m instanceof ReqPnL r) {
            send(new PnL(r.reqId(), gw.dailyPnl, gw.unrealizedPnl, gw.realizedPnl));
        } else if (m instanceof ReqHistoricalData r) {
            historical(r);
        } else if (m instanceof ReqContractDetails r) {
            contractDetails(r);
        } else if (m instanceof ReqMarketDataType t) {
            dataType = t.type();
        } else if (m instanceof ReqMktData r) {
            FakeMarketData.answer(gw, this, r, dataType);
        } else if (m instanceof PlaceOrder p) {
            synchronized (gw) {
                gw.matching.place(p, clientId, this);
            }
        } else if (m instanceof CancelOrder c) {
            synchronized (gw) {
                gw.matching.cancel(c.orderId(), this);
            }
        } else if (m instanceof ReqOpenOrders || m instanceof ReqAllOpenOrders) {
            boolean all = m instanceof ReqAllOpenOrders;
            synchronized (gw) {
                for (FakeOrder o : gw.orders.values()) {
                    if (o.transmitted && !o.done() && (all || o.clientId == clientId)) {
                        send(o.openOrder());
                        send(o.orderStatus());
                    }
                }
            }
            send(new OpenOrderEnd());
        } else if (m instanceof ReqExecutions r) {
            List<ExecDetails> execs;
            synchronized (gw) {
                execs = List.copyOf(gw.executions);
            }
            for (ExecDetails x : execs) {
                if (r.filterClientId() == 0 || r.filterClientId() == x.execution().clientId()) {
                    send(new ExecDetails(r.reqId(), x.orderId(), x.contract(), x.execution()));
                    send(new CommissionReport(x.execution().execId(), 1.0, "USD", Double.MAX_VALUE, Double.MAX_VALUE, 0));
                }
            }
            send(new ExecDetailsEnd(r.reqId()));
        }
    }

    private void accountUpdates(String account) throws IOException {
        for (var e : gw.accountSummary.entrySet()) {
            send(new UpdateAccountValue(e.getKey(), e.getValue(), "USD", account));
        }
        send(new UpdateAccountValue("UnrealizedPnL", Double.toString(gw.unrealizedPnl), "USD", account));
        send(new UpdateAccountValue("RealizedPnL", Double.toString(gw.realizedPnl), "USD", account));
        for (FakeGateway.Holding h : gw.allHoldings()) {
            send(new UpdatePortfolio(contract(h.symbol(), h.conId()).withExchange("").withPrimaryExch("NASDAQ"),
                    h.quantity(), h.marketPrice(), h.quantity() * h.marketPrice(), h.avgCost(), h.unrealized(),
                    h.realized(), account));
        }
        send(new UpdateAccountTime("15:00"));
        send(new AccountDownloadEnd(account));
    }

    private void historical(ReqHistoricalData r) throws IOException {
        String symbol = r.contract().symbol();
        if (!gw.contracts.containsKey(symbol)) {
            send(new ErrorMessage(r.reqId(), 200, "No security definition has been found for the request", ""));
            return;
        }
        ErrorMessage refused = gw.historicalErrors.get(symbol);
        if (refused != null) {
            send(new ErrorMessage(r.reqId(), refused.code(), refused.message(), ""));
            return;
        }
        List<HistoricalBar> bars = Bars.within(gw.bars.getOrDefault(symbol, List.of()), r.duration());
        send(new HistoricalData(r.reqId(), "", "", bars));
    }

    private void contractDetails(ReqContractDetails r) throws IOException {
        String symbol = r.contract().symbol();
        Integer conId = gw.contracts.get(symbol);
        if (conId == null) {
            send(new ErrorMessage(r.reqId(), 200, "No security definition has been found for the request", ""));
            return;
        }
        send(new ContractData(r.reqId(), symbol, "STK", conId, gw.minTicks.getOrDefault(symbol, 0.01), "SMART",
                "NASDAQ", "USD", symbol + " INC", gw.timeZoneId, gw.liquidHours, gw.liquidHours));
        send(new ContractDataEnd(r.reqId()));
    }

    Contract contract(String symbol, int conId) {
        return new Contract(conId, symbol, "STK", "", 0.0, "", "", "SMART", "", "USD", symbol, "NMS");
    }

    /**
     * Queues a message; the session flushes after each request (and pushes flush at once), so a
     * request's answers (a bracket's six) leave in one write. Encoded by one reused writer and copied
     * into the output buffer: no frame is allocated per message.
     */
    synchronized void send(Inbound m) throws IOException {
        frame.reset();
        encoder.encode(m, frame);
        frame.writeTo(out);
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    void trySend(Inbound m) {
        try {
            if (encoder != null && clientId >= 0) {
                send(m);
                flush();
            }
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    void tryFlush() {
        try {
            flush();
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        int len = in.readInt();
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }
}
