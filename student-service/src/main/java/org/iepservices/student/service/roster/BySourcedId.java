package org.iepservices.student.service.roster;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Table;
import org.hibernate.query.NativeQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads the projected rows of a chunk in one query, keyed by the SIS's sourcedId, within one
 * district: sourcedIds are unique per district, so another district's {@code sch-1} is never found.
 */
final class BySourcedId {

    private BySourcedId() {
    }

    static <T> Map<String, T> load(Class<T> type, UUID district, Collection<String> sourcedIds,
                                   Function<T, String> key) {
        Map<String, T> found = new HashMap<>();
        for (T row : where(type, district, "sourced_id", "", sourcedIds)) {
            found.put(key.apply(row), row);
        }
        return found;
    }

    /**
     * Rows of {@code type} in {@code district} (null: any district) whose {@code column} is one of
     * {@code values} (and {@code extra}, an SQL condition, holds). One array parameter rather than
     * an IN list of thousands: one cheap plan, whatever the chunk size.
     */
    static <T> List<T> where(Class<T> type, UUID district, String column, String extra, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        NativeQuery<T> query = Panache.getEntityManager()
                .createNativeQuery("select * from " + type.getAnnotation(Table.class).name() + " where "
                        + (district == null ? "" : "roster_district = :district and ") + column
                        + " = any(:values)" + extra, type)
                .unwrap(NativeQuery.class);
        if (district != null) {
            query.setParameter("district", district);
        }
        return query.setParameter("values", values.toArray(new String[0]), String[].class).getResultList();
    }
}
