package tech.brokerbridge.sqlite.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the journal connection's prepared statements open and hands them out again: SQLite compiles a
 * statement on every {@code prepareStatement}, which the profile of one approval (about 40 statements)
 * showed as a sixth of its time. The stores keep preparing and closing as usual; a cached statement's
 * {@code close} only clears its parameters and returns it. A statement still in use (a query nested in
 * the rows of the same query) is prepared afresh and closed as usual. At most {@value #CAPACITY}
 * statements stay open, the least recently used going first. Not thread-safe: used under the
 * {@link Database}'s lock.
 *
 * <p>A JDK proxy rather than a delegate class: {@link Connection} and {@link PreparedStatement} have
 * about 150 methods between them, and all but three are passed on unchanged.
 */
final class StatementCache implements InvocationHandler {
    static final int CAPACITY = 128;

    private final Connection raw;
    private final Map<String, Entry> open = new LinkedHashMap<>(16, 0.75f, true);
    private long prepared;

    /** One open statement and the handle the stores get for it. */
    private static final class Entry implements InvocationHandler {
        final PreparedStatement statement;
        final PreparedStatement handle;
        boolean inUse;
        boolean evicted;

        Entry(PreparedStatement statement) {
            this.statement = statement;
            this.handle = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("close") && m.getParameterCount() == 0) {
                inUse = false;
                if (evicted) {
                    statement.close();
                } else {
                    statement.clearParameters();
                }
                return null;
            }
            if (m.getName().equals("isClosed") && m.getParameterCount() == 0) {
                return !inUse || statement.isClosed();
            }
            return direct(statement, m, args);
        }
    }

    private StatementCache(Connection raw) {
        this.raw = raw;
    }

    /** {@code raw} with its statements cached; closing it closes them, then {@code raw}. */
    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(raw));
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (m.getName().equals("close") && m.getParameterCount() == 0) {
            closeAll();
        }
        return forward(raw, m, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Entry e = open.get(sql);
        if (e != null && e.inUse) {
            return raw.prepareStatement(sql); // nested in its own rows: an ordinary, uncached statement
        }
        if (e == null) {
            e = new Entry(raw.prepareStatement(sql));
            prepared++;
            open.put(sql, e);
            evictBeyondCapacity();
        }
        e.inUse = true;
        return e.handle;
    }

    private void evictBeyondCapacity() throws SQLException {
        var it = open.values().iterator();
        while (open.size() > CAPACITY && it.hasNext()) {
            Entry eldest = it.next();
            it.remove();
            eldest.evicted = true;
            if (!eldest.inUse) {
                eldest.statement.close();
            }
        }
    }

    private void closeAll() {
        List<Entry> all = new ArrayList<>(open.values());
        open.clear();
        for (Entry e : all) {
            try {
                e.statement.close();
            } catch (SQLException ignored) {
                // the connection closes next, which finalizes whatever is left
            }
        }
    }

    /** Statements compiled so far (each SQL text once while it stays cached), for tests. */
    static long prepared(Connection wrapped) {
        return ((StatementCache) Proxy.getInvocationHandler(wrapped)).prepared;
    }

    /**
     * The calls the stores make on every statement, made directly: a reflective {@link Method#invoke} checks
     * access on each call, which was a tenth of an approval's samples (JFR). Any other method is forwarded.
     */
    private static Object direct(PreparedStatement s, Method m, Object[] args) throws Throwable {
        int n = args == null ? 0 : args.length;
        switch (m.getName()) {
            case "setString":
                if (n == 2 && args[0] instanceof Integer i && (args[1] == null || args[1] instanceof String)) {
                    s.setString(i, (String) args[1]);
                    return null;
                }
                break;
            case "setLong":
                if (n == 2 && args[0] instanceof Integer i && args[1] instanceof Long v) {
                    s.setLong(i, v);
                    return null;
                }
                break;
            case "setInt":
                if (n == 2 && args[0] instanceof Integer i && args[1] instanceof Integer v) {
                    s.setInt(i, v);
                    return null;
                }
                break;
            case "setDouble":
                if (n == 2 && args[0] instanceof Integer i && args[1] instanceof Double v) {
                    s.setDouble(i, v);
                    return null;
                }
                break;
            case "setNull":
                if (n == 2 && args[0] instanceof Integer i && args[1] instanceof Integer type) {
                    s.setNull(i, type);
                    return null;
                }
                break;
            case "executeUpdate":
                if (n == 0) {
                    return s.executeUpdate();
                }
                break;
            case "executeQuery":
                if (n == 0) {
                    return s.executeQuery();
                }
                break;
            case "execute":
                if (n == 0) {
                    return s.execute();
                }
                break;
            default:
                break;
        }
        return forward(s, m, args);
    }

    private static Object forward(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
