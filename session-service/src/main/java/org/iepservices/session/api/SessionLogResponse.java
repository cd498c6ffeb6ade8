package org.iepservices.session.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.SessionAddendum;
import org.iepservices.session.domain.SessionFormat;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record SessionLogResponse(
        UUID id,
        UUID providerId,
        LocalDate sessionDate,
        LocalTime startTime,
        LocalTime endTime,
        ServiceSetting setting,
        SessionFormat format,
        SessionStatus status,
        boolean locked,
        String note,
        Signature signature,
        List<StudentLine> students,
        List<Addendum> addenda,
        long version) {

    /** Current values; {@code original*} are what the signed log said before any addendum. */
    public record StudentLine(UUID studentId, UUID mandateId, Attendance attendance, int minutes,
                              Attendance originalAttendance, int originalMinutes, List<Repayment> makeupFor) {
    }

    public record Addendum(UUID id, String author, String credentials, String reason, OffsetDateTime createdAt,
                           List<SessionAddendum.Change> changes) {
    }

    /** A miss this line repays; {@code minutes} is allocated when the log is completed. */
    public record Repayment(UUID missId, int minutes) {
    }

    public record Signature(String signedBy, String credentials, OffsetDateTime signedAt) {
    }

    static SessionLogResponse of(SessionLog log, List<MakeupLink> links, List<SessionAddendum> addenda) {
        return new SessionLogResponse(log.id, log.providerId, log.sessionDate, log.startTime, log.endTime,
                log.setting, log.format, log.status, log.isLocked(), log.note,
                log.signedAt == null ? null : new Signature(log.signedBy, log.signerCredentials, log.signedAt),
                log.students.stream()
                        .map(s -> new StudentLine(s.studentId, s.mandateId, s.attendance, s.minutes,
                                Attendance.valueOf(original(addenda, s.studentId, "attendance", s.attendance.name())),
                                Integer.parseInt(original(addenda, s.studentId, "minutes", Integer.toString(s.minutes))),
                                links.stream()
                                .filter(l -> l.key.studentId().equals(s.studentId))
                                .map(l -> new Repayment(l.key.missId(), l.minutes))
                                .toList()))
                        .toList(),
                addenda.stream().map(a -> new Addendum(a.id, a.author, a.authorCredentials, a.reason, a.createdAt,
                        List.copyOf(a.changes))).toList(),
                log.version);
    }

    /** The old value of the first change to the field, else the current value. */
    private static String original(List<SessionAddendum> addenda, UUID studentId, String field, String current) {
        for (SessionAddendum a : addenda) {
            for (SessionAddendum.Change c : a.changes) {
                if (c.studentId().equals(studentId) && c.field().equals(field)) {
                    return c.oldValue();
                }
            }
        }
        return current;
    }
}
