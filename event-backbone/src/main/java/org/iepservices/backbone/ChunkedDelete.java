package org.iepservices.backbone;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * Deletes old rows in chunks, each in its own short transaction, so a retention run over millions
 * of rows never holds one long transaction or lock while the service keeps writing.
 */
public final class ChunkedDelete {

    /** Rows per transaction. */
    public static final int CHUNK = 5000;

    /**
     * Runs {@code delete from <table> where <key> in (select <key> from <table> where <condition>
     * limit CHUNK)} until a chunk comes back short; {@code condition} may use {@code :cutoff}.
     * Returns how many rows were deleted.
     */
    public static long olderThan(EntityManager em, String table, String key, String condition, OffsetDateTime cutoff) {
        String sql = "delete from " + table + " where " + key + " in (select " + key + " from " + table + " where "
                + condition + " limit " + CHUNK + ")";
        long deleted = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
            deleted += chunk;
        } while (chunk == CHUNK);
        return deleted;
    }

    private ChunkedDelete() {
    }
}
