package dev.lockstep.platform.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure to reach the database (stopped, restarting, the pool unable to open a connection)
 * from any other: the first is a 503 and worth waiting out, the second is not.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true; // Agroal: no connection could be had from the pool in time
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01–57P03 (the server is shutting
     * down, crashed, or cannot take connections yet).
     */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
