package org.iepservices.session.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.MakeupLink;
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
        long version) {

    public record StudentLine(UUID studentId, UUID mandateId, Attendance attendance, int minutes,
                              List<Repayment> makeupFor) {
    }

    /** A miss this line repays; {@code minutes} is allocated when the log is completed. */
    public record Repayment(UUID missId, int minutes) {
    }

    public record Signature(String signedBy, String credentials, OffsetDateTime signedAt) {
    }

    static SessionLogResponse of(SessionLog log, List<MakeupLink> links) {
        return new SessionLogResponse(log.id, log.providerId, log.sessionDate, log.startTime, log.endTime,
                log.setting, log.format, log.status, log.isLocked(), log.note,
                log.signedAt == null ? null : new Signature(log.signedBy, log.signerCredentials, log.signedAt),
                log.students.stream()
                        .map(s -> new StudentLine(s.studentId, s.mandateId, s.attendance, s.minutes, links.stream()
                                .filter(l -> l.key.studentId().equals(s.studentId))
                                .map(l -> new Repayment(l.key.missId(), l.minutes))
                                .toList()))
                        .toList(),
                log.version);
    }
}
