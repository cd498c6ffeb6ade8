package org.iepservices.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the connection of the current Hibernate session, so that the projection's writes,
 * the consumed-event ledger and (during a rebuild) the session's search_path all share one
 * connection and one transaction. The projections are set-based; an ORM adds nothing there.
 */
@ApplicationScoped
public class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T map(Rs rs) throws SQLException;
    }

    private final EntityManager em;

    Sql(EntityManager em) {
        this.em = em;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                Rs wrapped = new Rs(rs);
                while (rs.next()) {
                    result.add(row.map(wrapped));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Runs one statement for each parameter row, in one JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] params : rows) {
                    bind(c, ps, params);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** For DDL and other statements without parameters or results. */
    public void execute(String sql) {
        em.unwrap(Session.class).doWork(c -> {
            try (var st = c.createStatement()) {
                st.execute(sql);
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(c, ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Collection<?> values) {
                ps.setArray(i + 1, array(c, values));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static Array array(Connection c, Collection<?> values) throws SQLException {
        Object first = values.isEmpty() ? null : values.iterator().next();
        String type = first instanceof UUID ? "uuid" : first instanceof LocalDate ? "date"
                : first instanceof Integer ? "integer" : "varchar";
        Object[] elements = values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toArray();
        return c.createArrayOf(type, elements);
    }

    /** A result set row with typed getters that keep SQL nulls as Java nulls. */
    public static final class Rs {
        private final ResultSet rs;

        Rs(ResultSet rs) {
            this.rs = rs;
        }

        public UUID uuid(String column) throws SQLException {
            return rs.getObject(column, UUID.class);
        }

        public String string(String column) throws SQLException {
            return rs.getString(column);
        }

        public int integer(String column) throws SQLException {
            return rs.getInt(column);
        }

        public Integer nullableInteger(String column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        public long longValue(String column) throws SQLException {
            return rs.getLong(column);
        }

        public boolean bool(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        public LocalDate date(String column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }

        public LocalTime time(String column) throws SQLException {
            return rs.getObject(column, LocalTime.class);
        }

        public OffsetDateTime timestamp(String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class);
        }

        public ResultSet raw() {
            return rs;
        }
    }
}
