package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.api.SessionLogRequest;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.PushInContext;
import org.iepservices.session.domain.SessionFormat;
import org.iepservices.session.domain.copy.ScheduledOccurrence;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a session log request into its content: what the client left out is taken from the
 * scheduled occurrence it documents (times, setting, provider, students and mandates, push-in class,
 * teacher and activity). Missing input is a 400; an occurrence not known yet a retryable 422.
 */
@ApplicationScoped
public class OccurrenceDefaults {

    public LogContent resolve(SessionLogRequest r) {
        Findings missing = new Findings();
        List<ScheduledOccurrence> scheduled = List.of();
        ScheduledOccurrence first = null;
        List<ScheduledOccurrence> rows = List.of();
        if (r.occurrenceId() != null) {
            rows = ScheduledOccurrence.list("key.occurrenceId", r.occurrenceId());
            if (rows.isEmpty()) {
                Findings pending = new Findings();
                pending.pending("occurrenceId", "occurrence " + r.occurrenceId()
                        + " (SessionSeriesScheduled on schedule.events)");
                pending.throwIfAny("The session log");
            }
            scheduled = rows.stream().filter(o -> !o.cancelled())
                    .sorted(Comparator.comparing(o -> o.key.studentId())).toList();
            if (scheduled.isEmpty()) {
                ScheduledOccurrence any = rows.get(0);
                Findings cancelled = new Findings();
                cancelled.invalid("occurrenceId", "occurrence " + r.occurrenceId() + " was cancelled ("
                        + any.cancelReason + "); record a miss for it instead");
                cancelled.throwIfAny("The session log");
            }
            first = scheduled.get(0);
        }
        UUID providerId = r.providerId() != null ? r.providerId() : first == null ? null : first.providerId;
        var date = r.sessionDate() != null ? r.sessionDate() : first == null ? null : first.date;
        LocalTime start = r.startTime() != null ? r.startTime() : first == null ? null : first.startTime;
        LocalTime end = r.endTime();
        if (end == null && first != null && start != null) {
            end = start.plusMinutes(first.minutes);
        }
        ServiceSetting setting = r.setting() != null ? r.setting() : first == null ? null : first.setting;
        SessionFormat format = r.format();
        if (format == null && first != null) {
            format = scheduled.size() > 1 || first.groupSize > 1 ? SessionFormat.SMALL_GROUP : SessionFormat.INDIVIDUAL;
        }
        require(missing, "providerId", providerId);
        require(missing, "sessionDate", date);
        require(missing, "startTime", start);
        require(missing, "endTime", end);
        require(missing, "setting", setting);
        require(missing, "format", format);

        List<LogContent.Line> lines = new ArrayList<>();
        if (r.students() == null || r.students().isEmpty()) {
            if (first == null) {
                missing.invalid("students", "must not be empty");
            } else {
                for (ScheduledOccurrence o : scheduled) {
                    lines.add(new LogContent.Line(o.key.studentId(), ContinuingMandates.inForceOn(o.mandateId, date),
                            Attendance.PRESENT, null, List.of(), List.of(), null));
                }
            }
        } else {
            for (int i = 0; i < r.students().size(); i++) {
                SessionLogRequest.StudentLine line = r.students().get(i);
                UUID mandateId = line.mandateId();
                if (mandateId == null) {
                    Optional<ScheduledOccurrence> own = rows.stream()
                            .filter(o -> o.key.studentId().equals(line.studentId())).findFirst();
                    mandateId = own.map(o -> o.mandateId).orElse(null);
                    if (mandateId == null) {
                        missing.invalid("students[" + i + "].mandateId", first == null ? "must not be null"
                                : "required: the student is not scheduled for occurrence " + r.occurrenceId());
                    }
                }
                if (first != null) {
                    // Documenting an occurrence after an amendment credits the mandate that continues the scheduled one.
                    mandateId = ContinuingMandates.inForceOn(mandateId, date);
                }
                lines.add(new LogContent.Line(line.studentId(), mandateId, line.attendance(), line.minutes(),
                        line.makeupFor(), line.goalData().stream().map(SessionLogRequest.GoalData::entry).toList(),
                        line.progressNote()));
            }
        }
        missing.throwIfInvalidRequest("The session log");

        PushInContext pushIn = null;
        boolean pushInForPullOut = false;
        if (setting == ServiceSetting.PUSH_IN) {
            pushIn = pushIn(r.pushIn(), first);
        } else if (r.pushIn() != null) {
            pushInForPullOut = true;
        }
        return new LogContent(r.occurrenceId(), providerId, date, start, end, setting, format, r.note(), pushIn,
                pushInForPullOut, lines);
    }

    /** The client's push-in context, each field it left out taken from the occurrence. */
    private static PushInContext pushIn(SessionLogRequest.PushIn given, ScheduledOccurrence occurrence) {
        PushInContext c = new PushInContext();
        if (given != null) {
            c.classId = given.classId();
            c.teacherId = given.teacherId();
            c.activitySubject = given.activitySubject();
            c.coTeachingModel = given.coTeachingModel();
            c.classroomStructure = given.classroomStructure();
            c.teacherDebriefNote = given.teacherDebriefNote();
        }
        if (occurrence != null) {
            if (c.classId == null) {
                c.classId = occurrence.classId;
            }
            if (c.teacherId == null) {
                c.teacherId = occurrence.teacherId();
            }
            if (c.activitySubject == null && occurrence.activitySubject != null) {
                try {
                    c.activitySubject = ActivitySubject.valueOf(occurrence.activitySubject);
                } catch (IllegalArgumentException unknown) {
                    c.activitySubject = ActivitySubject.OTHER;
                }
            }
        }
        return c.isEmpty() ? null : c;
    }

    private static void require(Findings missing, String field, Object value) {
        if (value == null) {
            missing.invalid(field, "must not be null");
        }
    }
}
