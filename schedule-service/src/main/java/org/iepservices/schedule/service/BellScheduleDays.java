package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.BellSchedule;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which bell schedule a school runs on which date: the default, or another one an admin assigned
 * to the date (early release, testing day). Read by the calendar announcement and the conflict checks.
 */
@ApplicationScoped
public class BellScheduleDays {

    /** The dates in [from, to] that follow another schedule than the default, with that schedule. */
    public Map<LocalDate, BellSchedule> overrides(UUID schoolId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = BellSchedule.getEntityManager().createNativeQuery(
                        "select day, cast(bell_schedule_id as varchar) from bell_schedule_day"
                                + " where school_id = ?1 and day between ?2 and ?3 order by day")
                .setParameter(1, schoolId).setParameter(2, from).setParameter(3, to).getResultList();
        Map<UUID, BellSchedule> schedules = new HashMap<>();
        Map<LocalDate, BellSchedule> days = new TreeMap<>();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof Date d ? d.toLocalDate() : (LocalDate) row[0];
            UUID id = UUID.fromString(row[1].toString());
            BellSchedule schedule = schedules.computeIfAbsent(id, k -> BellSchedule.<BellSchedule>findById(k));
            if (schedule != null && !schedule.isDefault) {
                days.put(day, schedule);
            }
        }
        return days;
    }

    public Optional<BellSchedule> defaultOf(UUID schoolId) {
        return BellSchedule.find("schoolId = ?1 and isDefault = true", schoolId).firstResultOptional();
    }
}
