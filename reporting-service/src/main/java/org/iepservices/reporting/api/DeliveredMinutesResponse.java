package org.iepservices.reporting.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.domain.DeliveredSession;
import org.iepservices.reporting.domain.MinutesTally;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record DeliveredMinutesResponse(
        UUID studentId,
        LocalDate from,
        LocalDate to,
        MinutesTally.Delivered delivered,
        MinutesTally.Missed missed,
        List<MandateMinutes> mandates,
        List<Session> sessions) {

    public record MandateMinutes(UUID mandateId, MinutesTally.Delivered delivered, MinutesTally.Missed missed) {
    }

    public record Session(UUID sessionLogId, UUID mandateId, UUID providerId, LocalDate date, ServiceSetting setting,
                          int minutes, List<DeliveredSession.Repayment> makeupFor) {
    }
}
