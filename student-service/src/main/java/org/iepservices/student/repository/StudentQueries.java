package org.iepservices.student.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.iepservices.student.domain.Student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read-only SQL behind the students API: the filtered, paged list, each student's IEP in force
 * (read straight from the iep / service_mandate tables, which the IEP side owns) and their current
 * class enrollments.
 */
@ApplicationScoped
public class StudentQueries {

    /**
     * The filters of GET /api/v1/students; null means "any". {@code sourcedIdDistrict}: sourcedIds are
     * unique per district, so a sourcedId is looked up within the caller's district when it has one.
     */
    public record Filter(UUID schoolId, UUID classId, String grade, String name, Boolean hasActiveIep, String status,
                         String sourcedId, UUID sourcedIdDistrict) {
    }

    /** The IEP in force: its id, dates, how many service mandates it holds and their terms in short. */
    public record IepSummary(UUID id, LocalDate startDate, LocalDate endDate, int mandateCount,
                             List<MandateSummary> mandates) {
    }

    /** One service mandate of the IEP in force: "speech 2 x 30 min per week, 1 push-in + 1 pull-out". */
    public record MandateSummary(UUID id, String serviceType, int sessionsPerInterval, int minutesPerSession,
                                 String interval, int pushInSessions, int pullOutSessions, UUID providerId) {
    }

    /** A class the student is enrolled in today. */
    public record CurrentEnrollment(UUID enrollmentId, UUID classId, String classTitle, String role, boolean primary,
                                    LocalDate beginDate, LocalDate endDate) {
    }

    private static final String WHERE = """
             where (cast(:school as uuid) is null or s.school_id = cast(:school as uuid))
               and (cast(:grade as varchar) is null or s.grade = cast(:grade as varchar))
               and (cast(:status as varchar) is null or s.status = cast(:status as varchar))
               and (cast(:sourcedId as varchar) is null or s.sourced_id = cast(:sourcedId as varchar))
               and (cast(:sourcedId as varchar) is null or cast(:rosterDistrict as uuid) is null
                    or s.roster_district = cast(:rosterDistrict as uuid))
               and (cast(:name as varchar) is null or lower(s.given_name) like cast(:name as varchar)
                    or lower(s.family_name) like cast(:name as varchar)
                    or lower(s.given_name || ' ' || s.family_name) like cast(:name as varchar))
               and (cast(:class as uuid) is null or exists (select 1 from enrollment e where e.student_id = s.id
                    and e.class_id = cast(:class as uuid) and e.status = 'active'))
               and (cast(:hasIep as boolean) is null
                    or cast(:hasIep as boolean) = exists (select 1 from iep i where i.student_id = s.id
                                                          and i.status = 'ACTIVE'))
            """;

    private final EntityManager em;

    StudentQueries(EntityManager em) {
        this.em = em;
    }

    public long count(Filter filter, StudentScopeQuery scope) {
        return ((Number) scope.bind(bind(em.createNativeQuery("select count(*) from student s" + WHERE
                + " and " + scope.sql("s.id")), filter)).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Student> page(Filter filter, StudentScopeQuery scope, int limit, int offset) {
        return scope.bind(bind(em.createNativeQuery("select s.* from student s" + WHERE + " and " + scope.sql("s.id")
                        + " order by lower(s.family_name), lower(s.given_name), s.id limit :limit offset :offset",
                Student.class), filter))
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList();
    }

    /** The IEP in force per student, for a page of students in one query. */
    public Map<UUID, IepSummary> activeIeps(Collection<UUID> studentIds) {
        Map<UUID, IepSummary> summaries = new HashMap<>();
        if (studentIds.isEmpty()) {
            return summaries;
        }
        List<?> rows = em.createNativeQuery("""
                        select i.student_id, i.id, i.start_date, i.end_date, m.id, m.service_type,
                               m.sessions_per_interval, m.minutes_per_session, m.interval_unit, m.push_in_sessions,
                               m.pull_out_sessions, m.provider_id
                          from iep i left join service_mandate m on m.iep_id = i.id
                         where i.status = 'ACTIVE' and i.student_id in (:ids)
                         order by i.student_id, m.position
                        """)
                .setParameter("ids", studentIds)
                .getResultList();
        Map<UUID, List<MandateSummary>> mandates = new HashMap<>();
        Map<UUID, Object[]> ieps = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            ieps.putIfAbsent((UUID) row[0], row);
            List<MandateSummary> list = mandates.computeIfAbsent((UUID) row[0], k -> new ArrayList<>());
            if (row[4] != null) {
                list.add(new MandateSummary((UUID) row[4], (String) row[5], ((Number) row[6]).intValue(),
                        ((Number) row[7]).intValue(), (String) row[8], ((Number) row[9]).intValue(),
                        ((Number) row[10]).intValue(), (UUID) row[11]));
            }
        }
        ieps.forEach((student, row) -> summaries.put(student, new IepSummary((UUID) row[1], date(row[2]),
                date(row[3]), mandates.get(student).size(), List.copyOf(mandates.get(student)))));
        return summaries;
    }

    /** The student's enrollments in force on {@code day}, by class title. */
    public List<CurrentEnrollment> currentEnrollments(UUID studentId, LocalDate day) {
        List<?> rows = em.createNativeQuery("""
                        select e.id, c.id, c.title, e.role, e.is_primary, e.begin_date, e.end_date
                          from enrollment e join class_section c on c.id = e.class_id
                         where e.student_id = :student and e.status = 'active' and c.status = 'active'
                           and (e.begin_date is null or e.begin_date <= :day)
                           and (e.end_date is null or e.end_date >= :day)
                         order by c.title, c.id
                        """)
                .setParameter("student", studentId)
                .setParameter("day", day)
                .getResultList();
        List<CurrentEnrollment> enrollments = new ArrayList<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            enrollments.add(new CurrentEnrollment((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                    (Boolean) row[4], date(row[5]), date(row[6])));
        }
        return enrollments;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Filter f) {
        String name = f.name() == null || f.name().isBlank() ? null
                : "%" + f.name().trim().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        // Typed binding: a null must still reach PostgreSQL as a uuid / varchar / boolean.
        @SuppressWarnings("unchecked")
        NativeQuery<Object> q = query.unwrap(NativeQuery.class);
        return q.setParameter("school", f.schoolId(), UUID.class)
                .setParameter("class", f.classId(), UUID.class)
                .setParameter("grade", f.grade(), String.class)
                .setParameter("status", f.status(), String.class)
                .setParameter("sourcedId", f.sourcedId(), String.class)
                .setParameter("rosterDistrict", f.sourcedIdDistrict(), UUID.class)
                .setParameter("name", name, String.class)
                .setParameter("hasIep", f.hasActiveIep(), Boolean.class);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
