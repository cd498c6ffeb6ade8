package org.iepservices.session.service;

import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.GoalDataEntry;
import org.iepservices.session.domain.PushInContext;
import org.iepservices.session.domain.SessionFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A session log's content once the scheduled occurrence's defaults are filled in; what gets validated and stored. */
public record LogContent(UUID occurrenceId, UUID providerId, LocalDate sessionDate, LocalTime startTime,
                         LocalTime endTime, ServiceSetting setting, SessionFormat format, String note,
                         PushInContext pushIn, boolean pushInGivenForPullOut, List<Line> lines) {

    public record Line(UUID studentId, UUID mandateId, Attendance attendance, Integer minutes, List<UUID> makeupFor,
                       List<GoalDataEntry> goalData, String progressNote) {
    }
}
