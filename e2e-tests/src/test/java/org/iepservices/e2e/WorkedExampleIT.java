package org.iepservices.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.iepservices.client.reporting.model.ComplianceStatus;
import org.iepservices.client.reporting.model.ComplianceWindow;
import org.iepservices.client.schedule.api.ProvidersApi;
import org.iepservices.client.schedule.api.SchoolDayAndYearApi;
import org.iepservices.client.schedule.api.SessionSeriesApi;
import org.iepservices.client.schedule.model.CalendarRequest;
import org.iepservices.client.schedule.model.CancelOccurrenceRequest;
import org.iepservices.client.schedule.model.CancellationReason;
import org.iepservices.client.schedule.model.ClosureRequest;
import org.iepservices.client.schedule.model.DayOfWeek;
import org.iepservices.client.schedule.model.SeriesRequest;
import org.iepservices.client.schedule.model.StudentRef;
import org.iepservices.client.schedule.model.WindowRequest;
import org.iepservices.client.session.api.KnownRecordsApi;
import org.iepservices.client.session.api.MissesApi;
import org.iepservices.client.session.model.Attendance;
import org.iepservices.client.session.model.MandateLedger;
import org.iepservices.client.session.model.OwedVerdict;
import org.iepservices.client.session.model.ServiceSetting;
import org.iepservices.client.session.model.SessionFormat;
import org.iepservices.client.session.model.SessionLogRequest;
import org.iepservices.client.session.model.StudentLine;
import org.iepservices.e2e.TestDistrict.Enrolled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.json;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.TestDistrict.*;

/**
 * domain.md's worked example across all four services, through the generated clients, and its open-week twin: the
 * forecast that turns AT_RISK when a school closure removes a scheduled session. The system runs
 * with reporting's "today" pinned to Wednesday 2026-09-23 (see RunningSystem), so the week of
 * 2026-09-14 is closed and the week of 2026-09-21 is open, whatever day the suite runs.
 */
class WorkedExampleIT {

    /**
     * Speech 2 x 30 min/week (1 pull-out + 1 push-in), week of Mon 2026-09-14. Tuesday pull-out
     * delivered, Thursday push-in missed (provider absent, owed): out of compliance with 30 owed
     * once the week closes; a 30-minute push-in makeup the next week brings the balance to 0.
     */
    @Test
    void theWorkedExample() throws Exception {
        Enrolled e = speechStudent(1, 1);
        complete(e, draftLog(e, "2026-09-15", "PULL_OUT", 30));
        UUID miss = miss(e, "2026-09-17", "PUSH_IN", "PROVIDER_ABSENT");
        assertThat(session(MissesApi::new).getMiss(miss).getOwed(), is(OwedVerdict.OWED));

        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            var compliance = compliance(e.studentId(), "2026-09-14", "2026-09-20");
            assertThat(compliance.getMandates().get(0).getMandateId(), is(e.mandateId()));
            ComplianceWindow week = firstPeriod(compliance);
            assertThat(week.getMandated().getPullOut(), is(30));
            assertThat(week.getMandated().getPushIn(), is(30));
            assertThat(week.getDelivered().getPullOut(), is(30));
            assertThat(week.getDelivered().getPushIn(), is(0));
            assertThat(week.getMissedOwed(), is(30));
            assertThat(week.getOwedBalance(), is(30));
            assertThat(week.getClosed(), is(true));
            assertThat(week.getStatus(), is(ComplianceStatus.OUT_OF_COMPLIANCE));
        });

        UUID makeup = createLog(RunningSystem.adminToken(), new SessionLogRequest().providerId(e.providerId())
                .sessionDate(LocalDate.parse("2026-09-22")).startTime("13:00:00").endTime("13:30:00")
                .setting(ServiceSetting.PUSH_IN).format(SessionFormat.SMALL_GROUP)
                .students(List.of(new StudentLine().studentId(e.studentId()).mandateId(e.mandateId())
                        .attendance(Attendance.PRESENT).makeupFor(List.of(miss)))));
        complete(e, makeup);

        MandateLedger ledger = status(session(MissesApi::new).getStudentMakeupLedgerWithHttpInfo(e.studentId(), null),
                200).getMandates().get(0);
        assertThat(ledger.getOwedMinutes(), is(30));
        assertThat(ledger.getOutstandingMinutes(), is(0));
        assertThat(ledger.getMisses().get(0).getRepaidBy(), contains(makeup));
        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            ComplianceWindow week = firstPeriod(compliance(e.studentId(), "2026-09-14", "2026-09-20"));
            assertThat(week.getMadeUp().getPushIn(), is(30));
            assertThat(week.getOwedBalance(), is(0));
            assertThat(week.getStatus(), is(ComplianceStatus.ON_TRACK));
        });
    }

    /**
     * The open week of Mon 2026-09-21 ("today" is Wednesday the 23rd): speech 2 x 30 pull-out,
     * scheduled Monday and Thursday. Monday delivered; Thursday still scheduled, so the forecast
     * meets the mandate. A closure on Thursday cancels that occurrence; under the district's default
     * policy a closure is not owed, so its minutes are excused and the week stays on track.
     */
    @Test
    void aClosureNotOwedExcusesItsMinutesInTheOpenWeek() throws Exception {
        Enrolled e = pulledOutMondaysAndThursdaysFrom21September();
        // Monday's occurrence documented from the schedule, the way a provider's tablet does it.
        UUID log = createLog(RunningSystem.adminToken(),
                new SessionLogRequest().occurrenceId(occurrenceOn(e, "2026-09-21")));
        complete(e, log);

        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            ComplianceWindow week = firstPeriod(compliance(e.studentId(), "2026-09-21", "2026-09-27"));
            assertThat(week.getClosed(), is(false));
            assertThat(week.getDelivered().getPullOut(), is(30));
            assertThat(week.getScheduled().getPullOut(), is(60));
            assertThat(week.getForecast().getShortfall().getTotal(), is(0));
            assertThat(week.getStatus(), is(ComplianceStatus.ON_TRACK));
        });

        // A snow day on Thursday: closures are not owed under the district's default policy, so the system's
        // SCHOOL_CLOSED miss excuses Thursday's minutes and the week stays on track.
        status(schedule(SchoolDayAndYearApi::new).createSchoolClosureWithHttpInfo(e.schoolId(),
                new ClosureRequest().date(LocalDate.parse("2026-09-24")).reason("Snow day")), 200, 201);

        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            ComplianceWindow week = firstPeriod(compliance(e.studentId(), "2026-09-21", "2026-09-27"));
            assertThat(week.getMissedNotOwed(), is(30));
            assertThat(week.getExcused().getPullOut(), is(30));
            assertThat(week.getForecast().getShortfall().getPullOut(), is(0));
            assertThat(week.getStatus(), is(ComplianceStatus.ON_TRACK));
        });
    }

    /**
     * The same open week when the provider is absent on Thursday instead: the cancelled occurrence
     * becomes an owed miss recorded by the system, the forecast falls 30 short and the week is AT_RISK
     * before it has even closed.
     */
    @Test
    void aProviderAbsenceThatRemovesAScheduledSessionPutsTheOpenWeekAtRisk() throws Exception {
        Enrolled e = pulledOutMondaysAndThursdaysFrom21September();
        complete(e, createLog(RunningSystem.adminToken(),
                new SessionLogRequest().occurrenceId(occurrenceOn(e, "2026-09-21"))));
        UUID thursday = occurrenceOn(e, "2026-09-24");
        status(schedule(SessionSeriesApi::new).cancelOccurrenceWithHttpInfo(thursday, new CancelOccurrenceRequest()
                .reason(CancellationReason.PROVIDER_UNAVAILABLE).note("SLP out sick"), null), 200);

        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            ComplianceWindow week = firstPeriod(compliance(e.studentId(), "2026-09-21", "2026-09-27"));
            assertThat(week.getMissedOwed(), is(30));
            assertThat(week.getForecast().getShortfall().getPullOut(), is(30));
            assertThat(week.getStatus(), is(ComplianceStatus.AT_RISK));
        });
    }

    /** Speech 2 x 30 pull-out, scheduled Mondays and Thursdays from 2026-09-21 at a school with a calendar. */
    private static Enrolled pulledOutMondaysAndThursdaysFrom21September() throws Exception {
        Enrolled e = speechStudent(0, 2);
        status(schedule(SchoolDayAndYearApi::new).replaceSchoolCalendarWithHttpInfo(e.schoolId(), "2026-2027",
                new CalendarRequest().firstDay(LocalDate.parse("2026-09-01")).lastDay(LocalDate.parse("2027-06-18"))
                        .nonInstructionalDays(List.of())), 200, 201);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)) {
            status(schedule(ProvidersApi::new).createProviderAvailabilityWithHttpInfo(e.providerId(),
                    new WindowRequest().schoolId(e.schoolId()).dayOfWeek(day).startTime("08:00:00")
                            .endTime("15:00:00")), 201);
        }
        awaitScheduleCopies(e);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)) {
            status(schedule(SessionSeriesApi::new).createSessionSeriesWithHttpInfo(new SeriesRequest()
                    .providerId(e.providerId()).schoolId(e.schoolId()).serviceType("SPEECH_LANGUAGE")
                    .setting(org.iepservices.client.schedule.model.ServiceSetting.PULL_OUT).room("Speech room")
                    .dayOfWeek(day).startTime("10:00:00").durationMinutes(30)
                    .effectiveFrom(LocalDate.parse("2026-09-21"))
                    .students(List.of(new StudentRef().studentId(e.studentId()).mandateId(e.mandateId()))), null), 201);
        }
        return e;
    }

    /** The student's occurrence on {@code date}, once session-service has it from schedule.events. */
    private static UUID occurrenceOn(Enrolled e, String date) {
        LocalDate day = LocalDate.parse(date);
        return eventually(PROPAGATION).until(() -> {
            JsonNode found = json(session(KnownRecordsApi::new)
                    .listProviderOccurrences(e.providerId(), day, null, null, null, day));
            String id = found.path(0).path("occurrenceId").asText(null);
            return id == null ? null : UUID.fromString(id);
        }, id -> id != null);
    }
}
