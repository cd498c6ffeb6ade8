package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.api.DeliveredMinutesResponse;
import org.iepservices.reporting.domain.DeliveredSession;
import org.iepservices.reporting.domain.MinutesTally;
import org.iepservices.reporting.domain.MissedSession;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads the delivered-minutes projection for one student and date range. */
@ApplicationScoped
public class DeliveredMinutesService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public DeliveredMinutesResponse forStudent(UUID studentId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;
        List<DeliveredSession> delivered = DeliveredSession.list(
                "key.studentId = ?1 and sessionDate between ?2 and ?3 and minutes > 0 order by sessionDate", studentId, start, end);
        List<MissedSession> missed = MissedSession.list(
                "studentId = ?1 and sessionDate between ?2 and ?3 order by sessionDate", studentId, start, end);
        MinutesTally.Tally total = MinutesTally.total(delivered, missed);
        List<DeliveredMinutesResponse.MandateMinutes> mandates = MinutesTally.byMandate(delivered, missed).entrySet()
                .stream()
                .map(e -> new DeliveredMinutesResponse.MandateMinutes(e.getKey(), e.getValue().delivered(),
                        e.getValue().missed()))
                .toList();
        List<DeliveredMinutesResponse.Session> sessions = delivered.stream()
                .map(s -> new DeliveredMinutesResponse.Session(s.key.sessionLogId(), s.mandateId, s.providerId,
                        s.sessionDate, s.setting, s.minutes,
                        List.copyOf(s.repayments)))
                .toList();
        return new DeliveredMinutesResponse(studentId, from, to, total.delivered(), total.missed(), mandates, sessions);
    }
}
