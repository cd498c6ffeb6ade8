package org.iepservices.student.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.iepservices.student.domain.roster.OneRosterFilter;
import org.iepservices.student.domain.roster.OneRosterFilter.InvalidFilter;
import org.iepservices.student.domain.roster.OneRosterFilter.Operator;
import org.iepservices.student.domain.roster.OneRosterFilter.Predicate;
import org.iepservices.student.repository.OneRosterCollection.Field;
import org.iepservices.student.repository.OneRosterCollection.Type;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs OneRoster REST queries in PostgreSQL: the filter becomes a parameterised WHERE clause on the
 * collection's columns, sort an ORDER BY (sourcedId breaks ties, so pages never overlap), limit
 * and offset a LIMIT / OFFSET, and the total a count over the same WHERE. Nothing is filtered or
 * sorted in memory.
 */
@ApplicationScoped
public class OneRosterReadRepository {

    /** One page and the number of records the filter matches. */
    public record Page(List<Map<String, Object>> rows, long total) {
    }

    /** A fixed restriction of an endpoint: /schools is orgs with type = school, /teachers users with role = teacher. */
    public record Scope(String column, String value) {
    }

    private final EntityManager em;

    OneRosterReadRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * @throws InvalidFilter for a field the collection does not have, a value its type cannot read,
     *                       or an operator that does not apply to it
     */
    public Page list(OneRosterCollection collection, Scope scope, UUID district, Optional<OneRosterFilter> filter,
                     Field sort, boolean descending, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(collection, scope, district, filter, params);
        String from = " from (" + collection.source() + ") x" + where;
        String select = "select x.*" + from + " order by x.\"" + sort.column() + "\" "
                + (descending ? "desc nulls last" : "asc nulls last")
                + (sort.column().equals("sourcedId") ? "" : ", x.\"sourcedId\"") + " limit ? offset ?";
        return session().doReturningWork(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + from)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                List<Object> all = new ArrayList<>(params);
                all.add(limit);
                all.add(offset);
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return new Page(rows, total);
        });
    }

    /**
     * The record with this sourcedId the caller may read. SourcedIds are unique per district: a
     * caller scoped to a district finds at most its own; a district-less caller who names a
     * sourcedId stored in several districts gets {@link Ambiguous} rather than an arbitrary one.
     */
    public Optional<Map<String, Object>> one(OneRosterCollection collection, Scope scope, UUID district,
                                             String sourcedId) {
        List<Object> params = new ArrayList<>();
        String where = where(collection, scope, district, Optional.empty(), params);
        params.add(sourcedId);
        String sql = "select x.* from (" + collection.source() + ") x" + where
                + (where.isEmpty() ? " where " : " and ") + "x.\"sourcedId\" = ? limit 2";
        List<Map<String, Object>> rows = session().doReturningWork(c -> {
            List<Map<String, Object>> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs));
                    }
                }
            }
            return found;
        });
        if (rows.size() > 1) {
            throw new Ambiguous(sourcedId);
        }
        return rows.stream().findFirst();
    }

    /** A sourcedId that several districts use, asked for by a caller of no district. */
    public static final class Ambiguous extends RuntimeException {
        public Ambiguous(String sourcedId) {
            super(sourcedId + " is a sourcedId of several districts; read it with a token of the district"
                    + " (district_id) whose record you want");
        }
    }

    /**
     * {@code district}: only records of that district (a district admin's); null for a caller who
     * may read every district.
     */
    private static String where(OneRosterCollection collection, Scope scope, UUID district,
                                Optional<OneRosterFilter> filter, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (district != null) {
            clauses.add("? = any(x.\"_districts\")");
            params.add(district);
        }
        if (scope != null) {
            clauses.add("x.\"" + scope.column() + "\" = ?");
            params.add(scope.value());
        }
        if (filter.isPresent()) {
            List<String> predicates = new ArrayList<>();
            for (Predicate p : filter.get().predicates()) {
                Field field = collection.field(p.field()).orElseThrow(() -> new InvalidFilter("'" + p.field()
                        + "' is not a field of " + collection.path() + " that can be filtered; use one of "
                        + String.join(", ", collection.fieldNames().stream().sorted().toList())));
                predicates.add(predicate(field, p, params));
            }
            clauses.add("(" + String.join(" " + filter.get().logical().name() + " ", predicates) + ")");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static String predicate(Field field, Predicate p, List<Object> params) {
        String column = "x.\"" + field.column() + "\"";
        if (p.operator() == Operator.CONTAINS) {
            if (field.type() != Type.TEXT) {
                throw new InvalidFilter("~ (contains) applies to text fields; " + field.name() + " is a "
                        + field.type().name().toLowerCase(Locale.ROOT));
            }
            params.add("%" + p.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return column + " ilike ? escape '\\'";
        }
        if (field.type() == Type.BOOLEAN && p.operator() != Operator.EQ && p.operator() != Operator.NE) {
            throw new InvalidFilter(field.name() + " is true or false: use = or !=");
        }
        params.add(value(field, p.value()));
        return switch (p.operator()) {
            case EQ -> column + " = ?";
            case NE -> column + " is distinct from ?";
            case GT -> column + " > ?";
            case GE -> column + " >= ?";
            case LT -> column + " < ?";
            case LE -> column + " <= ?";
            case CONTAINS -> throw new IllegalStateException();
        };
    }

    private static Object value(Field field, String raw) {
        try {
            return switch (field.type()) {
                case TEXT -> raw;
                case DATE -> LocalDate.parse(raw);
                case DATETIME -> instant(raw);
                case BOOLEAN -> switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new InvalidFilter(field.name() + " is true or false, not '" + raw + "'");
                };
            };
        } catch (DateTimeParseException e) {
            throw new InvalidFilter("'" + raw + "' is not " + (field.type() == Type.DATE ? "a date (YYYY-MM-DD)"
                    : "a date-time (e.g. 2026-09-01T00:00:00Z)") + " for " + field.name());
        }
    }

    private static OffsetDateTime instant(String raw) {
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Array array) {
                value = Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
            } else if (value instanceof Timestamp ts) {
                value = ts.toInstant().atOffset(ZoneOffset.UTC);
            } else if (value instanceof Date date) {
                value = date.toLocalDate();
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
