package org.iepservices.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.iepservices.client.reporting.api.ComplianceApi;
import org.iepservices.client.reporting.model.ComplianceResponse;
import org.iepservices.client.reporting.model.ComplianceWindow;
import org.iepservices.client.schedule.api.StudentsApi;
import org.iepservices.client.session.api.KnownRecordsApi;
import org.iepservices.client.session.api.MissesApi;
import org.iepservices.client.session.api.SessionLogsApi;
import org.iepservices.client.session.model.Attendance;
import org.iepservices.client.session.model.CompleteRequest;
import org.iepservices.client.session.model.MissReason;
import org.iepservices.client.session.model.MissRequest;
import org.iepservices.client.session.model.ServiceSetting;
import org.iepservices.client.session.model.SessionFormat;
import org.iepservices.client.session.model.SessionLogRequest;
import org.iepservices.client.session.model.StudentLine;
import org.iepservices.client.student.api.IepsApi;
import org.iepservices.client.student.api.SchoolsApi;
import org.iepservices.client.student.api.StaffApi;
import org.iepservices.client.student.model.Delivery;
import org.iepservices.client.student.model.Discipline;
import org.iepservices.client.student.model.GoalArea;
import org.iepservices.client.student.model.GoalRequest;
import org.iepservices.client.student.model.IepRequest;
import org.iepservices.client.student.model.MandateInterval;
import org.iepservices.client.student.model.MandateRequest;
import org.iepservices.client.student.model.MeasurementMethod;
import org.iepservices.client.student.model.SchoolRequest;
import org.iepservices.client.student.model.ServiceType;
import org.iepservices.client.student.model.SkillStage;
import org.iepservices.client.student.model.StaffRequest;
import org.iepservices.client.student.model.StudentRequest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.json;
import static org.iepservices.e2e.Clients.reporting;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.Clients.student;
import static org.iepservices.e2e.Clients.undescribed;

/**
 * What a district integration and a coordinator do before anyone documents a session, through the generated
 * clients only (see {@link Clients}): a school, an SLP, a student with an active IEP in student-service; then
 * waiting, like any client of an event-driven system, until the other services have received them from Kafka.
 */
final class TestDistrict {

    static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** A student with an active IEP of one speech mandate. */
    record Enrolled(UUID schoolId, UUID studentId, UUID iepId, UUID mandateId, UUID providerId,
                    List<UUID> goalIds) {
    }

    /** The provider's own token ({@code staff_id} names them, so their caseload is their scope). */
    static String providerToken(Enrolled e) {
        return RunningSystem.providerToken(e.providerId().toString());
    }

    static UUID school(String name) throws Exception {
        Object school = status(student(SchoolsApi::new).createSchoolWithHttpInfo(new SchoolRequest()
                .name(name + " " + UUID.randomUUID().toString().substring(0, 6)).timeZone("America/New_York")), 201);
        return id(json(school));
    }

    static UUID slp(UUID schoolId) throws Exception {
        Object staff = status(student(StaffApi::new).createStaffWithHttpInfo(new StaffRequest()
                .givenName("Dana").familyName("Whitfield").discipline(Discipline.SLP).credentials("CCC-SLP")
                .email("dana." + UUID.randomUUID() + "@example.org").schoolIds(List.of(schoolId))), 201);
        return id(json(staff));
    }

    static UUID newStudent(UUID schoolId) throws Exception {
        Object kid = status(student(org.iepservices.client.student.api.StudentsApi::new).createStudentWithHttpInfo(
                new StudentRequest().givenName("Ava").familyName("Johnson").grade("2").schoolId(schoolId)), 201);
        return id(json(kid));
    }

    /**
     * Speech {@code pushIn + pullOut} × 30 min per week from 2026-09-01, with the SLP named, the
     * worked example's "1 pull-out + 1 push-in" when both are 1.
     */
    static Enrolled speechStudent(int pushIn, int pullOut) throws Exception {
        UUID school = school("Maple Elementary");
        UUID slp = slp(school);
        UUID kid = newStudent(school);
        IepRequest request = new IepRequest().startDate(LocalDate.parse("2026-09-01"))
                .endDate(LocalDate.parse("2027-08-31")).eligibility("Speech or Language Impairment")
                .goals(List.of(new GoalRequest().area(GoalArea.EXPRESSIVE_LANGUAGE).skillStage(SkillStage.GENERALIZATION)
                        .description("Retell a story with beginning, middle and end").targetPercent(80)
                        .measurementMethod(MeasurementMethod.PERCENT_ACCURACY)))
                .mandates(List.of(new MandateRequest().serviceType(ServiceType.SPEECH_LANGUAGE)
                        .sessionsPerInterval(pushIn + pullOut).minutesPerSession(30).interval(MandateInterval.WEEK)
                        .pushInSessions(pushIn).pullOutSessions(pullOut).maxGroupSize(3).providerId(slp)));
        JsonNode iep = createIep(kid, request);
        activate(id(iep));
        List<UUID> goals = new ArrayList<>();
        iep.path("goals").forEach(goal -> goals.add(id(goal)));
        Enrolled enrolled = new Enrolled(school, kid, id(iep), id(iep.path("mandates").path(0)), slp, goals);
        awaitSessionCopies(enrolled);
        return enrolled;
    }

    /** A new IEP of {@code studentId}: createStudentIep's 201 body is not in the document (see {@link Clients#undescribed}). */
    static JsonNode createIep(UUID studentId, IepRequest request) throws Exception {
        Clients.Raw created = undescribed(() -> student(IepsApi::new).createStudentIepWithHttpInfo(studentId, request));
        assertThat(created.status(), is(201));
        return created.json();
    }

    static void activate(UUID iepId) throws Exception {
        JsonNode active = json(status(student(IepsApi::new).activateIepWithHttpInfo(iepId), 200));
        assertThat(active.path("status").asText(), is("ACTIVE"));
    }

    /** session-service validates logs and misses against its copies: wait until they arrived. */
    static void awaitSessionCopies(Enrolled e) {
        eventually(PROPAGATION).untilAsserted(() -> {
            assertThat(status(session(KnownRecordsApi::new).listStudentMandatesWithHttpInfo(e.studentId(), null, null),
                    200), not(empty()));
            status(session(KnownRecordsApi::new).getProviderWithHttpInfo(e.providerId()), 200);
            status(session(KnownRecordsApi::new).getSchoolWithHttpInfo(e.schoolId()), 200);
        });
    }

    /** schedule-service checks series against its copies of the student's mandates. */
    static void awaitScheduleCopies(Enrolled e) {
        eventually(PROPAGATION).untilAsserted(() ->
                assertThat(status(schedule(StudentsApi::new).listStudentMandatesWithHttpInfo(e.studentId(), null), 200),
                        not(empty())));
    }

    /** An ad hoc draft log of one student, PRESENT for {@code minutes}. */
    static UUID draftLog(Enrolled e, String date, String setting, int minutes) throws Exception {
        ServiceSetting where = ServiceSetting.fromValue(setting);
        SessionLogRequest log = new SessionLogRequest().providerId(e.providerId()).sessionDate(LocalDate.parse(date))
                .startTime("10:00:00").endTime("10:30:00").setting(where)
                .format(where == ServiceSetting.PUSH_IN ? SessionFormat.SMALL_GROUP : SessionFormat.INDIVIDUAL)
                .students(List.of(new StudentLine().studentId(e.studentId()).mandateId(e.mandateId())
                        .attendance(Attendance.PRESENT).minutes(minutes)));
        return createLog(RunningSystem.adminToken(), log);
    }

    /** A new session log with a fresh Idempotency-Key, as {@code token}: its id. */
    static UUID createLog(String token, SessionLogRequest log) throws Exception {
        return id(json(status(session(token, SessionLogsApi::new)
                .createSessionLogWithHttpInfo(log, UUID.randomUUID().toString()), 201)));
    }

    /** The provider signs their own log (nobody signs for a provider, not even an admin). */
    static void complete(Enrolled e, UUID logId) throws Exception {
        JsonNode signed = json(status(session(providerToken(e), SessionLogsApi::new)
                .completeSessionLogWithHttpInfo(logId, new CompleteRequest().signedBy("Dana Whitfield")
                        .credentials("CCC-SLP")), 200));
        assertThat(signed.path("locked").asBoolean(), is(true));
    }

    /** A miss recorded by hand: createMiss's 201 body is not in the document (see {@link Clients#undescribed}). */
    static UUID miss(Enrolled e, String date, String setting, String reason) throws Exception {
        MissRequest miss = new MissRequest().studentId(e.studentId()).mandateId(e.mandateId())
                .providerId(e.providerId()).setting(ServiceSetting.fromValue(setting))
                .sessionDate(LocalDate.parse(date)).minutes(30).reason(MissReason.fromValue(reason));
        Clients.Raw created = undescribed(() -> session(MissesApi::new).createMissWithHttpInfo(miss));
        assertThat(created.status(), is(201));
        return id(created.json());
    }

    /**
     * A student's compliance over [from, to] (YYYY-MM-DD) as the district coordinator, asking for JSON (the
     * operation also answers text/csv).
     */
    static ComplianceResponse compliance(UUID studentId, String from, String to) throws Exception {
        return compliance(RunningSystem.url(org.iepservices.localinfra.ServiceLayout.REPORTING), studentId, from, to);
    }

    static ComplianceResponse compliance(String baseUrl, UUID studentId, String from, String to) throws Exception {
        return status(reporting(baseUrl, RunningSystem.adminToken(),
                java.util.Map.of("Accept", "application/json"), ComplianceApi::new)
                .getComplianceStudentWithHttpInfo(studentId, LocalDate.parse(from), LocalDate.parse(to)), 200);
    }

    /** The first period of the first mandate, the worked example's week. */
    static ComplianceWindow firstPeriod(ComplianceResponse compliance) {
        return compliance.getMandates().get(0).getPeriods().get(0);
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asText());
    }

    private TestDistrict() {
    }
}
