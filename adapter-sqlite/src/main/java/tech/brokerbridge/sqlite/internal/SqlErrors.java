package tech.brokerbridge.sqlite.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteException;
import tech.brokerbridge.ports.journal.JournalException;

/** Translates SQLite failures into {@link JournalException}, deciding whether a retry can help. */
final class SqlErrors {
    // primary result codes (https://www.sqlite.org/rescode.html); extended codes carry them in the low byte
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_NOTADB = 26;

    private SqlErrors() {
    }

    static int primaryCode(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
        return code & 0xff;
    }

    /** True when SQLite says the file is damaged or not a database at all (as opposed to busy, full or unreadable). */
    static boolean damaged(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /** What the failure means, in words (no SQL, no content). */
    static String describe(SQLException e) {
        return describe(primaryCode(e));
    }

    static JournalException translate(String what, SQLException e) {
        int code = primaryCode(e);
        boolean retryable = code == SQLITE_BUSY || code == SQLITE_LOCKED;
        return new JournalException("journal could not " + what + ": " + describe(code) + " [" + e.getMessage()
                + "]", retryable, e);
    }

    private static String describe(int code) {
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "the database is locked by another connection (retry later)";
            case SQLITE_IOERR -> "disk I/O error";
            case SQLITE_CORRUPT -> "the database file is corrupt";
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_CANTOPEN -> "the database file cannot be opened";
            case SQLITE_CONSTRAINT -> "a constraint was violated";
            case SQLITE_NOTADB -> "the file is not a SQLite database";
            default -> "SQLite error " + code;
        };
    }
}
