package org.iepservices.session.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.IepActivated;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/**
 * A small district published the way student-service publishes it (roster.events, iep.events),
 * then awaited through session-service's own read endpoints: what a client does before logging.
 * Every world has fresh ids (its own district), so tests never see each other's data. Requests
 * carry the token of whoever makes them: {@link #as(Provider)} for a provider or teacher,
 * {@link #admin()} for the world's district admin.
 */
final class TestWorld implements AutoCloseable {

    static final LocalDate IEP_START = LocalDate.of(2026, 9, 1);
    static final LocalDate IEP_END = LocalDate.of(2027, 6, 30);

    record Provider(UUID id, String discipline, String credentials, String givenName, String familyName) {
        String name() {
            return givenName + " " + familyName;
        }
    }

    /** A student with one IEP: speech 2x30/week (1 push-in + 1 pull-out) and OT 1x30 push-in, three goals. */
    record Student(UUID id, UUID iepId, UUID speech, UUID ot, UUID speechGoal, UUID speechGoal2, UUID otGoal,
                   String medicaidId, UUID speechProvider) {
    }

    final EventPublisher events = new EventPublisher();
    final UUID district = UUID.randomUUID();
    final UUID school = UUID.randomUUID();
    final Provider slp;
    final Provider ot;
    final Provider teacher;
    private final String adminToken;

    private TestWorld() throws Exception {
        adminToken = Tokens.districtAdmin(district);
        events.send(SchoolUpserted.TYPE, school, new SchoolUpserted(school, "sch-" + school, "Maple Elementary",
                district, "America/New_York", "active"));
        slp = staff("SLP", "M.S., CCC-SLP", "Dana", "Whitfield");
        ot = staff("OT", "OTR/L", "Mei", "Tanaka");
        teacher = staff("TEACHER", null, "Jordan", "Reyes");
    }

    static TestWorld create() throws Exception {
        return new TestWorld();
    }

    /** A request with the token of this staff member (a provider, or the teacher). */
    RequestSpecification as(Provider staff) {
        return Tokens.as("TEACHER".equals(staff.discipline()) ? Tokens.teacher(staff.id()) : Tokens.provider(staff.id()));
    }

    RequestSpecification slp() {
        return as(slp);
    }

    /** A request with the token of this district's admin. */
    RequestSpecification admin() {
        return Tokens.as(adminToken);
    }

    Provider staff(String discipline, String credentials, String given, String family) throws Exception {
        UUID id = UUID.randomUUID();
        events.send(StaffUpserted.TYPE, id, new StaffUpserted(id, "stf-" + id, given, family,
                given.toLowerCase() + "@district.example", discipline, credentials, List.of(school), "active"));
        return new Provider(id, discipline, credentials, given, family);
    }

    Student student() throws Exception {
        return student(true);
    }

    /** With {@code profile}: a Medicaid id, diagnosis F80.0 and billing consent on file since August. */
    Student student(boolean profile) throws Exception {
        return student(school, slp, profile);
    }

    /**
     * A student of {@code schoolId} whose speech mandate names {@code speechProvider}, who (with the
     * world's OT) gets the caseload assignments student-service publishes at IEP activation.
     */
    Student student(UUID schoolId, Provider speechProvider, boolean profile) throws Exception {
        return student(schoolId, speechProvider, profile, List.of());
    }

    /** A student whose IEP has, after the three usual goals, {@code extraGoals} (speech goals of other measures). */
    Student student(List<IepActivated.Goal> extraGoals) throws Exception {
        return student(school, slp, false, extraGoals);
    }

    Student student(UUID schoolId, Provider speechProvider, boolean profile, List<IepActivated.Goal> extraGoals)
            throws Exception {
        UUID id = UUID.randomUUID();
        events.send(StudentUpserted.TYPE, id, new StudentUpserted(id, "stu-" + id, "Ava", "Johnson", "3", schoolId,
                "active"));
        UUID iep = UUID.randomUUID();
        UUID speech = UUID.randomUUID();
        UUID otMandate = UUID.randomUUID();
        UUID goal1 = UUID.randomUUID();
        UUID goal2 = UUID.randomUUID();
        UUID goal3 = UUID.randomUUID();
        events.send(IepActivated.TYPE, id, new IepActivated(iep, id, null, IEP_START, IEP_END,
                List.of(mandate(speech, "SPEECH_LANGUAGE", speechProvider.id(), 2, 1, 1),
                        mandate(otMandate, "OCCUPATIONAL_THERAPY", ot.id(), 1, 1, 0)),
                concat(List.of(goal(goal1, "EXPRESSIVE_LANGUAGE", "SPEECH_LANGUAGE"),
                        goal(goal2, "ARTICULATION", "SPEECH_LANGUAGE"),
                        goal(goal3, "FINE_MOTOR", "OCCUPATIONAL_THERAPY")), extraGoals)));
        // As student-service does at IEP activation: one assignment per mandate naming a provider.
        assign(id, speechProvider, "SPEECH_LANGUAGE", speech);
        assign(id, ot, "OCCUPATIONAL_THERAPY", otMandate);
        String medicaidId = null;
        if (profile) {
            medicaidId = "MA" + Math.abs(id.getMostSignificantBits() % 100_000_000L);
            events.send(ServiceProfileUpdated.TYPE, id, new ServiceProfileUpdated(id, "SOME", false, medicaidId,
                    List.of("F80.0", "F80.2"), true, LocalDate.of(2026, 8, 20)));
        }
        return new Student(id, iep, speech, otMandate, goal1, goal2, goal3, medicaidId, speechProvider.id());
    }

    /** Another school of this world's district. */
    UUID school(String name) throws Exception {
        UUID id = UUID.randomUUID();
        events.send(SchoolUpserted.TYPE, id, new SchoolUpserted(id, "sch-" + id, name, district, "America/New_York",
                "active"));
        return id;
    }

    /** Puts the student on the provider's caseload (CaseloadAssignmentChanged on roster.events). */
    UUID assign(UUID student, Provider provider, String service, UUID mandate) throws Exception {
        UUID assignment = UUID.randomUUID();
        events.send(CaseloadAssignmentChanged.TYPE, student, new CaseloadAssignmentChanged(assignment, student,
                provider.id(), service, mandate, IEP_START, IEP_END, true));
        return assignment;
    }

    static IepActivated.Mandate mandate(UUID id, String service, UUID provider, int sessions, int pushIn, int pullOut) {
        return new IepActivated.Mandate(id, null, service, null, provider, sessions, 30, "WEEK", pushIn, pullOut,
                "GROUP", 3, IEP_START, IEP_END, null, null, List.of());
    }

    private static List<IepActivated.Goal> concat(List<IepActivated.Goal> a, List<IepActivated.Goal> b) {
        List<IepActivated.Goal> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static IepActivated.Goal goal(UUID id, String area, String service) {
        return new IepActivated.Goal(id, area, "Goal in " + area, "40%", "80%", 80, "PERCENT_ACCURACY",
                "GENERALIZATION", service);
    }

    /**
     * Waits until session-service shows the school, the providers and each student with both mandates,
     * and each student is on the caseload of its SLP and of the OT (what a provider's client polls with
     * its own token before documenting).
     */
    void awaitKnown(Student... students) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            admin().get("/api/v1/schools/" + school).then().statusCode(200);
            for (Provider p : List.of(slp, ot, teacher)) {
                admin().get("/api/v1/providers/" + p.id()).then().statusCode(200);
            }
            for (Student s : students) {
                admin().get("/api/v1/students/" + s.id()).then().statusCode(200);
                admin().get("/api/v1/students/" + s.id() + "/mandates").then().statusCode(200)
                        .body("mandateId", hasItems(s.speech().toString(), s.ot().toString()));
                if (s.medicaidId() != null) {
                    admin().get("/api/v1/students/" + s.id() + "/service-profile").then().statusCode(200);
                }
                Tokens.as(Tokens.provider(s.speechProvider())).get("/api/v1/students/" + s.id()).then().statusCode(200);
                as(ot).get("/api/v1/students/" + s.id()).then().statusCode(200);
            }
        });
    }

    // --- request bodies -------------------------------------------------------------------------

    static Map<String, Object> line(UUID student, UUID mandate, String attendance, Integer minutes) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("studentId", student.toString());
        if (mandate != null) {
            line.put("mandateId", mandate.toString());
        }
        line.put("attendance", attendance);
        if (minutes != null) {
            line.put("minutes", minutes);
        }
        return line;
    }

    @SafeVarargs
    static Map<String, Object> log(Provider provider, String date, String start, String end, String setting,
                                   String format, Map<String, Object>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", provider.id().toString());
        body.put("sessionDate", date);
        body.put("startTime", start);
        body.put("endTime", end);
        body.put("setting", setting);
        body.put("format", format);
        body.put("students", new ArrayList<>(List.of(lines)));
        return body;
    }

    /** A 30-minute individual pull-out speech session on Tue 2026-09-15 at 10:00. */
    Map<String, Object> speechLog(Student s, String attendance, Integer minutes) {
        return log(slp, "2026-09-15", "10:00:00", "10:30:00", "PULL_OUT", "INDIVIDUAL",
                line(s.id(), s.speech(), attendance, minutes));
    }

    static Map<String, Object> trials(UUID goal, int correct, int total) {
        Map<String, Object> data = new HashMap<>();
        data.put("goalId", goal.toString());
        data.put("measure", "TRIALS");
        data.put("correct", correct);
        data.put("total", total);
        return data;
    }

    static ValidatableResponse post(RequestSpecification as, String path, Object body) {
        return as.contentType(ContentType.JSON).body(body).post(path).then();
    }

    static String createLog(RequestSpecification as, Map<String, Object> body) {
        return post(as, "/api/v1/session-logs", body).statusCode(201).extract().path("id");
    }

    /** The provider signs their own log, with their own token. */
    ValidatableResponse complete(String logId, Provider signer) {
        return post(as(signer), "/api/v1/session-logs/" + logId + "/complete",
                Map.of("signedBy", signer.name(), "credentials", signer.credentials()));
    }

    /** How many logs the provider has, as the district admin counts them. */
    int logsOf(Provider provider) {
        return admin().queryParam("providerId", provider.id()).get("/api/v1/session-logs").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Override
    public void close() {
        events.close();
    }
}
