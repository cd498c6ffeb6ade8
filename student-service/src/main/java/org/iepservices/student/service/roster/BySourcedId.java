package org.iepservices.student.service.roster;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Loads the projected rows of a chunk in one query, keyed by the SIS's sourcedId. */
final class BySourcedId {

    private BySourcedId() {
    }

    static <T> Map<String, T> load(Class<T> type, Collection<String> sourcedIds, Function<T, String> key) {
        Map<String, T> found = new HashMap<>();
        if (sourcedIds.isEmpty()) {
            return found;
        }
        List<T> rows = Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " where sourcedId in :ids", type)
                .setParameter("ids", sourcedIds)
                .getResultList();
        for (T row : rows) {
            found.put(key.apply(row), row);
        }
        return found;
    }
}
