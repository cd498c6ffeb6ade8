package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.api.AccessRecordResponse;
import org.iepservices.reporting.projection.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the access trail: filtered in SQL, newest first, counted for paging. */
@ApplicationScoped
public class AccessTrailService {

    /**
     * @param studentId only accesses whose response contained this student; null for all
     * @param actor     only this actor (token subject); null for all
     * @param from      accesses at or after; null for no lower bound
     * @param until     accesses before; null for no upper bound
     * @param limit     rows of the page; 0 for all
     */
    public record Query(UUID studentId, String actor, OffsetDateTime from, OffsetDateTime until, int limit,
                        int offset) {
    }

    private final Sql sql;

    AccessTrailService(Sql sql) {
        this.sql = sql;
    }

    public List<AccessRecordResponse> list(Query q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        String page = q.limit() > 0 ? " limit " + q.limit() : "";
        return sql.list("""
                select access_id, actor, actor_role, action, service, resource_type, resource_id, student_ids,
                       purpose, method, path, accessed_at, recorded_at
                from access_record""" + where + " order by accessed_at desc, access_id" + page + " offset " + q.offset(),
                rs -> new AccessRecordResponse(rs.uuid("access_id"), rs.string("actor"), rs.string("actor_role"),
                        rs.string("action"), rs.string("service"), rs.string("resource_type"),
                        rs.string("resource_id"), uuids(rs.raw().getArray("student_ids")), rs.string("purpose"),
                        rs.string("method"), rs.string("path"), rs.timestamp("accessed_at"),
                        rs.timestamp("recorded_at")),
                params.toArray());
    }

    public long count(Query q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        return sql.one("select count(*) as n from access_record" + where, rs -> rs.longValue("n"), params.toArray())
                .orElse(0L);
    }

    private static String where(Query q, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.studentId() != null) {
            conditions.add("student_ids @> array[?]::uuid[]");
            params.add(q.studentId());
        }
        if (q.actor() != null) {
            conditions.add("actor = ?");
            params.add(q.actor());
        }
        if (q.from() != null) {
            conditions.add("accessed_at >= ?");
            params.add(q.from());
        }
        if (q.until() != null) {
            conditions.add("accessed_at < ?");
            params.add(q.until());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static List<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<UUID> result = new ArrayList<>(values.length);
        for (Object v : values) {
            result.add(v instanceof UUID u ? u : UUID.fromString(v.toString()));
        }
        return result;
    }
}
