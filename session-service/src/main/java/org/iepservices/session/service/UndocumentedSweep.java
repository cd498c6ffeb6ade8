package org.iepservices.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.SchoolDays;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an UNDOCUMENTED miss (origin SYSTEM) for each student of a scheduled occurrence that nobody
 * documented with a signed log or a miss within the district's number of school days (makeup policy
 * {@code undocumentedAfterSchoolDays}, default {@code misses.undocumented.after-school-days}). School
 * days are counted on the school's calendar as session-service knows it ({@link SchoolDays}). Runs
 * every {@code misses.undocumented.sweep-every}; a signed log documenting the occurrence later
 * withdraws the miss. Occurrences more than a year old are left alone.
 */
@ApplicationScoped
public class UndocumentedSweep {

    private static final Logger LOG = Logger.getLogger(UndocumentedSweep.class);

    private final SystemMisses misses;
    private final SchoolCalendars calendars;
    private final MakeupPolicyService policies;
    private final ZoneId districtZone;

    UndocumentedSweep(SystemMisses misses, SchoolCalendars calendars, MakeupPolicyService policies,
                      @ConfigProperty(name = "district.time-zone") String districtZone) {
        this.misses = misses;
        this.calendars = calendars;
        this.policies = policies;
        this.districtZone = ZoneId.of(districtZone);
    }

    @Scheduled(every = "${misses.undocumented.sweep-every:1h}", delayed = "${misses.undocumented.sweep-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "undocumented-sweep")
    void scheduled() {
        int recorded = sweep(LocalDate.now(districtZone));
        if (recorded > 0) {
            LOG.infof("recorded %d UNDOCUMENTED misses", recorded);
        }
    }

    /** Records the misses overdue on {@code today}; returns how many it recorded. */
    @Transactional
    public int sweep(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = ScheduledOccurrence.getEntityManager().createNativeQuery("""
                        select o.occurrence_id, o.student_id, o.occurrence_date,
                               coalesce(o.school_id, st.school_id)
                        from scheduled_occurrence o
                        left join known_student st on st.student_id = o.student_id
                        where o.status = 'SCHEDULED' and o.occurrence_date < ?1 and o.occurrence_date >= ?2
                          and not exists (select 1 from missed_session m
                                          where m.occurrence_id = o.occurrence_id and m.student_id = o.student_id)
                          and not exists (select 1 from session_log l
                                          join session_attendance a on a.session_log_id = l.id
                                          where l.occurrence_id = o.occurrence_id and a.student_id = o.student_id
                                            and l.status = 'COMPLETED')
                        order by o.occurrence_date""")
                .setParameter(1, today).setParameter(2, today.minusYears(1)).getResultList();
        Map<UUID, SchoolDays> schoolDays = new HashMap<>();
        Map<UUID, Integer> allowance = new HashMap<>();
        int recorded = 0;
        for (Object[] row : candidates) {
            UUID occurrenceId = (UUID) row[0];
            UUID studentId = (UUID) row[1];
            LocalDate date = row[2] instanceof Date d ? d.toLocalDate() : (LocalDate) row[2];
            UUID schoolId = (UUID) row[3];
            int days = allowance.computeIfAbsent(schoolId == null ? NO_SCHOOL : schoolId,
                    s -> policies.undocumentedAfterSchoolDays(SystemMisses.districtOf(schoolId, studentId)));
            SchoolDays calendar = schoolDays.computeIfAbsent(schoolId == null ? NO_SCHOOL : schoolId,
                    s -> calendars.of(schoolId));
            if (!calendar.overdue(date, today, days)) {
                continue;
            }
            KnownStudent student = KnownStudent.findById(studentId);
            if (student != null && student.leftOnOrBefore(date)) {
                continue;
            }
            ScheduledOccurrence occurrence = ScheduledOccurrence.findById(
                    new ScheduledOccurrence.Key(occurrenceId, studentId));
            if (misses.occurrenceMissed(occurrence, MissReason.UNDOCUMENTED, "not documented " + days
                    + " school days after " + date)) {
                recorded++;
            }
        }
        return recorded;
    }

    private static final UUID NO_SCHOOL = new UUID(0, 0);
}
