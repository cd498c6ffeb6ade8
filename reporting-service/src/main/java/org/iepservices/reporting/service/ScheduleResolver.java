package org.iepservices.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.reporting.domain.compliance.OccurrenceResolution;
import org.iepservices.reporting.domain.compliance.SchoolCalendar;
import org.iepservices.reporting.projection.Sql;

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
 * Keeps effective_occurrence (what a student's series really schedules) equal to the resolution
 * of all schedule facts of that series and student. Called after any of those facts changed.
 */
@ApplicationScoped
public class ScheduleResolver {

    /** The services and dates whose periods the change may have moved. */
    public record Touched(Set<UUID> mandates, Set<LocalDate> dates) {
        public static Touched none() {
            return new Touched(new HashSet<>(), new HashSet<>());
        }

        public void add(UUID mandate, LocalDate date) {
            if (mandate != null) {
                mandates.add(mandate);
            }
            if (date != null) {
                dates.add(date);
            }
        }
    }

    private static final TypeReference<List<SubjectMinutes>> SUBJECTS = new TypeReference<>() {
    };

    private final Sql sql;
    private final ComplianceProjector projector;
    private final ObjectMapper mapper;

    ScheduleResolver(Sql sql, ComplianceProjector projector, ObjectMapper mapper) {
        this.sql = sql;
        this.projector = projector;
        this.mapper = mapper;
    }

    public String json(List<SubjectMinutes> subjects) {
        try {
            return mapper.writeValueAsString(subjects == null ? List.of() : subjects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SubjectMinutes> subjects(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, SUBJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored core overlap is not JSON: " + json, e);
        }
    }

    private record SeriesState(UUID mandateId, UUID providerId, String setting, UUID schoolId,
                               OffsetDateTime stateTime) {
    }

    /** Re-resolves one student's series; returns the old and new (mandate, date) pairs touched. */
    public Touched resolve(UUID seriesId, UUID studentId) {
        Touched touched = Touched.none();
        sql.list("select mandate_id, occurs_on from effective_occurrence where series_id = ? and student_id = ?",
                rs -> {
                    touched.add(rs.uuid("mandate_id"), rs.date("occurs_on"));
                    return 1;
                }, seriesId, studentId);
        sql.update("""
                delete from effective_occurrence_core c using effective_occurrence o
                where o.occurrence_id = c.occurrence_id and o.student_id = c.student_id
                  and o.series_id = ? and o.student_id = ?""", seriesId, studentId);
        sql.update("delete from effective_occurrence where series_id = ? and student_id = ?", seriesId, studentId);

        SeriesState state = sql.one("""
                select s.mandate_id, s.provider_id, s.setting, coalesce(s.school_id, st.school_id) as school_id,
                       s.state_time
                from session_series s left join student st on st.student_id = s.student_id
                where s.series_id = ? and s.student_id = ?""",
                rs -> new SeriesState(rs.uuid("mandate_id"), rs.uuid("provider_id"), rs.string("setting"),
                        rs.uuid("school_id"), rs.timestamp("state_time")), seriesId, studentId).orElse(null);
        if (state == null) {
            return touched; // only moves or cancellations known so far: they wait for the series
        }
        List<OccurrenceResolution.Planned> planned = sql.list("""
                select occurrence_id, occurs_on, start_time, minutes, core_overlap
                from series_occurrence where series_id = ? and student_id = ?""",
                rs -> new OccurrenceResolution.Planned(rs.uuid("occurrence_id"), rs.date("occurs_on"),
                        rs.time("start_time"), rs.integer("minutes"), subjects(rs.string("core_overlap"))),
                seriesId, studentId);
        Map<UUID, OccurrenceResolution.Move> moves = new HashMap<>();
        sql.list("""
                select occurrence_id, moved_to, start_time, minutes, core_overlap, event_time
                from occurrence_move where series_id = ? and student_id = ?""",
                rs -> moves.put(rs.uuid("occurrence_id"), new OccurrenceResolution.Move(rs.uuid("occurrence_id"),
                        rs.date("moved_to"), rs.time("start_time"), rs.integer("minutes"),
                        subjects(rs.string("core_overlap")), rs.timestamp("event_time"))), seriesId, studentId);
        Map<UUID, OccurrenceResolution.Cancellation> cancellations = new HashMap<>();
        sql.list("""
                select occurrence_id, reason, event_time
                from occurrence_cancellation where series_id = ? and student_id = ?""",
                rs -> cancellations.put(rs.uuid("occurrence_id"), new OccurrenceResolution.Cancellation(
                        rs.uuid("occurrence_id"), rs.string("reason"), rs.timestamp("event_time"))),
                seriesId, studentId);
        OccurrenceResolution.SeriesEnd end = sql.one("""
                select effective_from, event_time from series_cancellation where series_id = ? and student_id = ?""",
                rs -> new OccurrenceResolution.SeriesEnd(rs.date("effective_from"), rs.timestamp("event_time")),
                seriesId, studentId).orElse(null);
        SchoolCalendar calendar = projector.calendarOf(state.schoolId());

        List<Object[]> occurrences = new ArrayList<>();
        List<Object[]> core = new ArrayList<>();
        for (OccurrenceResolution.Resolved r : OccurrenceResolution.resolve(state.stateTime(), planned, moves,
                cancellations, end, calendar)) {
            occurrences.add(new Object[]{r.occurrenceId(), studentId, seriesId, state.mandateId(), state.providerId(),
                    state.setting(), state.schoolId(), r.date(), r.startTime(), r.minutes(),
                    r.scheduled() ? "SCHEDULED" : "CANCELLED", r.cancelReason()});
            Map<String, Integer> bySubject = new HashMap<>();
            r.coreOverlap().forEach(s -> bySubject.merge(s.subject(), s.minutes(), Integer::sum));
            bySubject.forEach((subject, minutes) -> core.add(new Object[]{r.occurrenceId(), studentId, subject,
                    minutes}));
            touched.add(state.mandateId(), r.date());
        }
        sql.batch("""
                insert into effective_occurrence (occurrence_id, student_id, series_id, mandate_id, provider_id,
                    setting, school_id, occurs_on, start_time, minutes, status, cancel_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (occurrence_id, student_id) do nothing""", occurrences);
        sql.batch("""
                insert into effective_occurrence_core (occurrence_id, student_id, subject, minutes)
                values (?, ?, ?, ?) on conflict do nothing""", core);
        return touched;
    }

    /** Every series of the student (e.g. after the student changed school, whose closures apply). */
    public Touched resolveStudent(UUID studentId) {
        Touched all = Touched.none();
        for (UUID series : sql.list("select series_id from session_series where student_id = ?",
                rs -> rs.uuid("series_id"), studentId)) {
            Touched t = resolve(series, studentId);
            all.mandates().addAll(t.mandates());
            all.dates().addAll(t.dates());
        }
        return all;
    }
}
