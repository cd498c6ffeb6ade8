package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.events.CalendarChanged;
import org.iepservices.session.domain.SchoolDays;
import org.iepservices.session.domain.copy.KnownSchool;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The schools' calendars (latest CalendarChanged per school and year) and closures (SchoolClosed)
 * as session-service keeps them: to count school days and to know a day was closed whichever
 * arrives first, the closure or the occurrence.
 */
@ApplicationScoped
public class SchoolCalendars {

    private static EntityManager em() {
        return KnownSchool.getEntityManager();
    }

    /** Records a closure; true when it was not known before. */
    public boolean closed(UUID schoolId, LocalDate day, String reason) {
        return em().createNativeQuery("""
                        insert into school_closure (school_id, day, reason) values (?1, ?2, ?3)
                        on conflict (school_id, day) do nothing""")
                .setParameter(1, schoolId).setParameter(2, day).setParameter(3, reason == null ? "" : reason)
                .executeUpdate() == 1;
    }

    public boolean isClosed(UUID schoolId, LocalDate day) {
        if (schoolId == null || day == null) {
            return false;
        }
        return !em().createNativeQuery("select 1 from school_closure where school_id = ?1 and day = ?2")
                .setParameter(1, schoolId).setParameter(2, day).getResultList().isEmpty();
    }

    /** Keeps the year's calendar unless a newer one of the same school and year is known already. */
    public void calendarChanged(CalendarChanged c, OffsetDateTime at) {
        int changed = em().createNativeQuery("""
                        insert into school_calendar (school_id, school_year, first_day, last_day, event_time)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (school_id, school_year) do update set first_day = excluded.first_day,
                            last_day = excluded.last_day, event_time = excluded.event_time
                        where school_calendar.event_time <= excluded.event_time""")
                .setParameter(1, c.schoolId()).setParameter(2, c.schoolYear()).setParameter(3, c.firstDay())
                .setParameter(4, c.lastDay()).setParameter(5, at).executeUpdate();
        if (changed == 0) {
            return; // an older calendar arriving late
        }
        em().createNativeQuery("delete from school_calendar_day where school_id = ?1 and school_year = ?2")
                .setParameter(1, c.schoolId()).setParameter(2, c.schoolYear()).executeUpdate();
        Map<LocalDate, String> days = new HashMap<>();
        c.instructionalDays().forEach(d -> days.put(d, "INSTRUCTIONAL"));
        c.nonInstructionalDays().stream().filter(d -> d.date() != null)
                .forEach(d -> days.put(d.date(), d.kind() == null ? "DAY_OFF" : d.kind()));
        for (Map.Entry<LocalDate, String> day : days.entrySet()) {
            em().createNativeQuery("""
                            insert into school_calendar_day (school_id, school_year, day, kind)
                            values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, c.schoolId()).setParameter(2, c.schoolYear()).setParameter(3, day.getKey())
                    .setParameter(4, day.getValue()).executeUpdate();
        }
    }

    /** What is known of the school's days; weekdays only for a school of which nothing is known. */
    public SchoolDays of(UUID schoolId) {
        if (schoolId == null) {
            return SchoolDays.weekdays();
        }
        List<SchoolDays.Year> years = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> yearRows = em().createNativeQuery(
                        "select school_year, first_day, last_day from school_calendar where school_id = ?1")
                .setParameter(1, schoolId).getResultList();
        for (Object[] row : yearRows) {
            @SuppressWarnings("unchecked")
            List<Object> instructional = em().createNativeQuery("""
                            select day from school_calendar_day
                            where school_id = ?1 and school_year = ?2 and kind = 'INSTRUCTIONAL'""")
                    .setParameter(1, schoolId).setParameter(2, row[0]).getResultList();
            Set<LocalDate> days = new HashSet<>();
            instructional.forEach(d -> days.add(date(d)));
            years.add(new SchoolDays.Year(date(row[1]), date(row[2]), days));
        }
        @SuppressWarnings("unchecked")
        List<Object> closureRows = em().createNativeQuery("""
                        select day from school_closure where school_id = ?1
                        union select day from school_calendar_day where school_id = ?1 and kind = 'CLOSURE'""")
                .setParameter(1, schoolId).getResultList();
        Set<LocalDate> closures = new HashSet<>();
        closureRows.forEach(d -> closures.add(date(d)));
        return new SchoolDays(years, closures);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
