package org.iepservices.reporting.api;

import org.iepservices.events.BellScheduleChanged;
import org.iepservices.events.CalendarChanged;
import org.iepservices.events.EventCatalog;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.EventType;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.MissResolved;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.SchoolClosed;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;

import org.iepservices.reporting.testing.EventPublisher;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the events of a compliance scenario with explicit envelope times (as the producers'
 * outboxes would stamp them), so a test can publish the same facts in any order.
 */
final class ComplianceEvents implements AutoCloseable {

    final EventPublisher publisher = new EventPublisher();
    private OffsetDateTime time;

    ComplianceEvents(LocalDate startingOn) {
        this.time = startingOn.atTime(7, 0).atOffset(ZoneOffset.ofHours(-4));
    }

    /** Events from now on are stamped at 16:00 New York time on {@code date}, a minute apart. */
    ComplianceEvents on(LocalDate date) {
        time = date.atTime(16, 0).atOffset(ZoneOffset.ofHours(-4));
        return this;
    }

    private <T> EventEnvelope event(EventType<T> type, UUID subject, T payload) {
        time = time.plusMinutes(1);
        return EventEnvelope.wrap("/test", type, subject.toString(), payload, time, publisher.mapper);
    }

    void send(EventEnvelope... events) throws Exception {
        for (EventEnvelope e : events) {
            publisher.send(EventCatalog.byName(e.type()).orElseThrow().topic(), e);
        }
    }

    void send(List<EventEnvelope> events) throws Exception {
        send(events.toArray(EventEnvelope[]::new));
    }

    EventEnvelope school(UUID school, UUID district, String name) {
        return event(SchoolUpserted.TYPE, school, new SchoolUpserted(school, "sch-" + name, name, district,
                "America/New_York", "active"));
    }

    EventEnvelope student(UUID student, UUID school, String given, String family) {
        return event(StudentUpserted.TYPE, student, new StudentUpserted(student, "stu-" + given, given, family, "3",
                school, "active"));
    }

    EventEnvelope staff(UUID staff, String given, String family) {
        return event(StaffUpserted.TYPE, staff, new StaffUpserted(staff, "stf-" + given, given, family,
                given.toLowerCase() + "@example.org", "SLP", "CCC-SLP", List.of(), "active"));
    }

    static IepActivated.Mandate speech(UUID mandate, UUID continues, UUID provider, int pushIn, int pullOut,
                                       int minutes, LocalDate start, LocalDate end) {
        return new IepActivated.Mandate(mandate, continues, "SPEECH_LANGUAGE", "SLP", provider, pushIn + pullOut,
                minutes, "WEEK", pushIn, pullOut, "GROUP", 3, start, end, null, null, List.of());
    }

    /** A mandate of {@code sessions} x {@code minutes} per {@code interval} (WEEK, MONTH), all in one setting. */
    static IepActivated.Mandate speechPer(String interval, UUID mandate, UUID provider, ServiceSetting setting,
                                          int sessions, int minutes, LocalDate start, LocalDate end) {
        int pushIn = setting == ServiceSetting.PUSH_IN ? sessions : 0;
        return new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", provider, sessions, minutes, interval,
                pushIn, sessions - pushIn, "GROUP", 3, start, end, null, null, List.of());
    }

    /**
     * The school's calendar for 2026-27 as schedule-service publishes it: every weekday from
     * {@code first} to {@code last} is instructional except the given days off (kind per day).
     */
    EventEnvelope calendar(UUID school, LocalDate first, LocalDate last, Map<LocalDate, String> daysOff) {
        List<LocalDate> instructional = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !daysOff.containsKey(d)) {
                instructional.add(d);
            }
        }
        List<CalendarChanged.DayOff> off = daysOff.entrySet().stream()
                .map(e -> new CalendarChanged.DayOff(e.getKey(), e.getValue(), e.getValue().toLowerCase())).toList();
        return event(CalendarChanged.TYPE, school, new CalendarChanged(school, "2026-2027", first, last, instructional,
                off, List.of()));
    }

    EventEnvelope iep(UUID iep, UUID student, UUID supersedes, LocalDate from, IepActivated.Mandate... mandates) {
        return event(IepActivated.TYPE, student, new IepActivated(iep, student, supersedes, from,
                LocalDate.of(2027, 6, 18), List.of(mandates), List.of()));
    }

    EventEnvelope amendment(UUID iep, UUID student, UUID amends, LocalDate from, IepActivated.Mandate... mandates) {
        return event(IepAmended.TYPE, student, new IepAmended(iep, student, amends, from, LocalDate.of(2027, 6, 18),
                List.of(mandates), List.of(), "annual review"));
    }

    /** A weekly series of one student with one occurrence per given date, each with its core overlap. */
    EventEnvelope series(UUID series, UUID student, UUID mandate, UUID provider, UUID school, ServiceSetting setting,
                         List<SessionSeriesScheduled.Occurrence> occurrences) {
        return event(SessionSeriesScheduled.TYPE, student, new SessionSeriesScheduled(series, student, mandate,
                provider, "SPEECH_LANGUAGE", setting, school, null, List.of(), null,
                setting == ServiceSetting.PUSH_IN ? "ELA_READING" : null, setting == ServiceSetting.PULL_OUT ? "Room 12"
                : null, occurrences.isEmpty() ? DayOfWeek.MONDAY : occurrences.get(0).date().getDayOfWeek(),
                LocalTime.of(10, 0), 30, occurrences.isEmpty() ? null : occurrences.get(0).date(),
                occurrences.isEmpty() ? null : occurrences.get(occurrences.size() - 1).date(), 1, occurrences));
    }

    static SessionSeriesScheduled.Occurrence occurrence(UUID id, LocalDate date, int minutes,
                                                        SessionSeriesScheduled.SubjectMinutes... core) {
        return new SessionSeriesScheduled.Occurrence(id, date, LocalTime.of(10, 0), minutes, List.of(core));
    }

    /** Occurrences of a weekly series on {@code day} from {@code from} to {@code to}. */
    static List<SessionSeriesScheduled.Occurrence> weekly(LocalDate from, LocalDate to, int minutes,
                                                          SessionSeriesScheduled.SubjectMinutes... core) {
        List<SessionSeriesScheduled.Occurrence> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusWeeks(1)) {
            result.add(occurrence(UUID.randomUUID(), d, minutes, core));
        }
        return result;
    }

    EventEnvelope cancelled(UUID occurrence, UUID series, UUID student, UUID mandate, ServiceSetting setting,
                            LocalDate date, String reason) {
        return event(OccurrenceCancelled.TYPE, student, new OccurrenceCancelled(occurrence, series, student, mandate,
                null, setting, date, 30, reason, null));
    }

    EventEnvelope rescheduled(UUID occurrence, UUID series, UUID student, UUID mandate, ServiceSetting setting,
                              LocalDate from, LocalDate to) {
        return event(OccurrenceRescheduled.TYPE, student, new OccurrenceRescheduled(occurrence, series, student,
                mandate, setting, from, to, LocalTime.of(13, 0), 30, List.of()));
    }

    EventEnvelope closed(UUID school, LocalDate date) {
        return event(SchoolClosed.TYPE, school, new SchoolClosed(school, date, "snow day"));
    }

    EventEnvelope bellSchedule(UUID school, int instructionalMinutes) {
        return event(BellScheduleChanged.TYPE, school, new BellScheduleChanged(school, UUID.randomUUID(), "Regular",
                true, LocalTime.of(8, 30), LocalTime.of(15, 0), instructionalMinutes, false));
    }

    EventEnvelope completed(UUID log, UUID student, UUID mandate, UUID provider, ServiceSetting setting,
                            LocalDate date, int minutes, UUID occurrence, SessionCompleted.Repayment... makeupFor) {
        return event(SessionCompleted.TYPE, student, new SessionCompleted(log, student, mandate, provider, setting,
                date, minutes, List.of(makeupFor), occurrence, "SPEECH_LANGUAGE", "INDIVIDUAL", LocalTime.of(10, 0),
                LocalTime.of(10, 0).plusMinutes(minutes), "PRESENT", List.of(), null, null));
    }

    EventEnvelope amended(UUID log, UUID student, UUID mandate, UUID provider, ServiceSetting setting, LocalDate date,
                          int before, int after) {
        return event(SessionAmended.TYPE, student, new SessionAmended(log, UUID.randomUUID(), student, mandate,
                provider, setting, date, before, after, List.of(), "corrected"));
    }

    EventEnvelope missed(UUID miss, UUID student, UUID mandate, UUID provider, ServiceSetting setting, LocalDate date,
                         int minutes, String reason, String owed, UUID occurrence) {
        return event(SessionMissed.TYPE, student, new SessionMissed(miss, student, mandate, provider, setting, date,
                minutes, reason, owed, occurrence, null));
    }

    /** A miss session-service recorded itself (origin SYSTEM). */
    EventEnvelope missedBySystem(UUID miss, UUID student, UUID mandate, UUID provider, ServiceSetting setting,
                                 LocalDate date, int minutes, String reason, String owed, UUID occurrence) {
        return event(SessionMissed.TYPE, student, new SessionMissed(miss, student, mandate, provider, setting, date,
                minutes, reason, owed, occurrence, null, "SYSTEM", null));
    }

    EventEnvelope resolved(UUID miss, UUID student, UUID mandate, String owed) {
        return event(MissResolved.TYPE, student, new MissResolved(miss, student, mandate, owed, "IEP team",
                time.toLocalDate(), "team decision"));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
