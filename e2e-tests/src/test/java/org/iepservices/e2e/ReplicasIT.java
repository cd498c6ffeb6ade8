package org.iepservices.e2e;

import org.iepservices.client.reporting.model.ComplianceWindow;
import org.iepservices.client.schedule.api.AutomaticSchedulerApi;
import org.iepservices.client.schedule.api.ProvidersApi;
import org.iepservices.client.schedule.api.SchoolDayAndYearApi;
import org.iepservices.client.schedule.model.CalendarRequest;
import org.iepservices.client.schedule.model.CaseloadJobRequest;
import org.iepservices.client.schedule.model.CreateSchedulerJobRequest;
import org.iepservices.client.schedule.model.DayOfWeek;
import org.iepservices.client.schedule.model.Outcome;
import org.iepservices.client.schedule.model.Request;
import org.iepservices.client.schedule.model.ScheduleResult;
import org.iepservices.client.schedule.model.State;
import org.iepservices.client.schedule.model.WindowRequest;
import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.LocalSystem;
import org.iepservices.localinfra.ServiceLayout;
import org.iepservices.localinfra.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.TestDistrict.*;

/**
 * Two instances of every service on one database and broker, as deploy/k8s runs them (see
 * {@link RunningSystem#REPLICAS}): what one pod accepted the other must answer, and a pod killed
 * in the middle of consuming must neither lose nor double count minutes.
 */
class ReplicasIT {

    /** A scheduler job submitted to one schedule-service pod is read and accepted on the other. */
    @Test
    void aSchedulerJobSubmittedOnOnePodIsAnsweredByTheOther() throws Exception {
        Enrolled e = speechStudent(0, 2);
        awaitScheduleCopies(e);
        status(onReplica(0, SchoolDayAndYearApi::new).replaceSchoolCalendarWithHttpInfo(e.schoolId(), "2026-2027",
                new CalendarRequest().firstDay(LocalDate.parse("2026-09-01")).lastDay(LocalDate.parse("2027-06-18"))
                        .nonInstructionalDays(List.of())), 200, 201);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            status(onReplica(0, ProvidersApi::new).createProviderAvailabilityWithHttpInfo(e.providerId(),
                    new WindowRequest().schoolId(e.schoolId()).dayOfWeek(day).startTime("08:30:00")
                            .endTime("14:30:00")), 201);
        }
        UUID job = status(onReplica(0, AutomaticSchedulerApi::new)
                .createSchedulerJobWithHttpInfo(new CreateSchedulerJobRequest(new CaseloadJobRequest()
                        .providerId(e.providerId()).weekOf(LocalDate.parse("2026-10-05")))), 202).getJobId();

        eventually(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(status(onReplica(1, AutomaticSchedulerApi::new).getSchedulerJobWithHttpInfo(job), 200)
                        .getState(), is(State.DONE)));
        ScheduleResult planned = status(onReplica(1, AutomaticSchedulerApi::new).getSchedulerJobResultWithHttpInfo(job),
                200);
        Outcome accepted = status(onReplica(1, AutomaticSchedulerApi::new).acceptSchedulerJobWithHttpInfo(job,
                new Request().effectiveFrom(LocalDate.parse("2026-10-05"))), 200);
        assertThat("planned: " + planned + "\naccepted: " + accepted, accepted.getCreated(), hasSize(greaterThan(0)));
        // the first pod sees what the second accepted: the job's sessions cannot be accepted twice
        Clients.Call again = () -> {
            Outcome twice = status(onReplica(0, AutomaticSchedulerApi::new).acceptSchedulerJobWithHttpInfo(job,
                    new Request().effectiveFrom(LocalDate.parse("2026-10-05"))), 200);
            assertThat(twice.getCreated(), anyOf(nullValue(), hasSize(0)));
        };
        try {
            again.run();
        } catch (org.iepservices.client.schedule.ApiException conflict) {
            assertThat(conflict.getResponseBody(), conflict.getCode(), is(409));
        }
    }

    /**
     * Twenty completed sessions while one reporting pod is killed with SIGKILL half-way: the other
     * pod takes its partitions over (and the restarted pod rejoins), and reporting counts each
     * session's minutes exactly once.
     */
    @Test
    void aReportingPodKilledMidBatchLosesNothingAndCountsNothingTwice() throws Exception {
        Enrolled e = speechStudent(0, 5);
        LocalDate monday = LocalDate.of(2026, 10, 12);
        List<UUID> logs = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            for (int day = 0; day < 5; day++) {
                logs.add(draftLog(e, monday.plusWeeks(week).plusDays(day).toString(), "PULL_OUT", 30));
            }
        }
        LocalSystem system = RunningSystem.get();
        ServiceProcess victim = system.instances(ServiceLayout.REPORTING).get(0);
        for (int i = 0; i < logs.size(); i++) {
            complete(e, logs.get(i));
            if (i == logs.size() / 2) {
                victim.kill();
            }
        }
        ServiceProcess restarted = system.startReplica(ServiceLayout.REPORTING, 1, freePort());
        system.replace(victim, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));

        // 20 sessions x 30 minutes, once each, whichever pod answers
        for (int replica = 0; replica < RunningSystem.REPLICAS; replica++) {
            String pod = RunningSystem.url(ServiceLayout.REPORTING, replica);
            eventually(Duration.ofMinutes(2)).untilAsserted(() -> {
                List<ComplianceWindow> weeks = compliance(pod, e.studentId(), "2026-10-12", "2026-11-08")
                        .getMandates().get(0).getPeriods();
                assertThat(weeks, hasSize(4));
                assertThat(weeks.stream().map(week -> week.getDelivered().getPullOut()).toList(), everyItem(is(150)));
            });
        }
    }

    /** schedule-service's instance number {@code replica}, as the district coordinator. */
    private static <A> A onReplica(int replica,
                                   java.util.function.Function<org.iepservices.client.schedule.ApiClient, A> api) {
        return schedule(RunningSystem.url(ServiceLayout.SCHEDULE, replica), RunningSystem.adminToken(), Map.of(), api);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
