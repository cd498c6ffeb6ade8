package org.iepservices.backbone.inbox;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that goes away by itself (the database restarting, a lock or connection timeout,
 * a lost optimistic-lock race) from one that happens again on every try (a malformed event, a
 * broken rule). Only the first kind is worth retrying; the second goes to the dead-letter topic at once.
 */
public final class TransientFailures {

    /** Exception classes known to be transient, by name: Hibernate and JPA stay optional here. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException");

    private TransientFailures() {
    }

    /** True when {@code failure} or any of its causes is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException
                    || TRANSIENT_CLASSES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            // Agroal's pool, while no connection can be made: "Sorry, acquisition timeout!" (no SQL state).
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQL states that mean "try again": 08 connection exceptions, 40 transaction rollback
     * (serialization failure, deadlock), 53 insufficient resources, 57P01-57P03 server shutting down or
     * starting, 55P03 lock not available, 57014 statement timeout.
     */
    static boolean transientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("55P03") || state.equals("57014");
    }
}
