package org.iepservices.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.iepservices.localinfra.ServiceLayout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * What a district integration and a coordinator do before anyone documents a session, over HTTP
 * only: a school, an SLP, a student with an active IEP in student-service; then waiting, like any
 * client of an event-driven system, until the other services have received them from Kafka.
 */
final class TestDistrict {

    static final Duration PROPAGATION = Duration.ofSeconds(60);

    static {
        // A failed expectation prints the request and the problem+json that answered it, so a CI log explains itself.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A student with an active IEP of one speech mandate. */
    record Enrolled(String schoolId, String studentId, String iepId, String mandateId, String providerId,
                    List<String> goalIds) {
    }

    /** A district coordinator calling {@code service}. */
    static RequestSpecification at(ServiceLayout service) {
        return as(RunningSystem.adminToken(), service);
    }

    /** The student's provider calling {@code service} with their own token. */
    static RequestSpecification asProvider(ServiceLayout service, Enrolled e) {
        return as(RunningSystem.providerToken(e.providerId()), service);
    }

    /** {@code service} called with {@code token}, or with none when it is null. */
    static RequestSpecification as(String token, ServiceLayout service) {
        RequestSpecification spec = given().baseUri(RunningSystem.url(service)).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    static String school(String name) {
        return at(ServiceLayout.STUDENT).body(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6),
                        "timeZone", "America/New_York"))
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");
    }

    static String slp(String schoolId) {
        return at(ServiceLayout.STUDENT).body(Map.of("givenName", "Dana", "familyName", "Whitfield", "discipline", "SLP",
                        "credentials", "CCC-SLP", "email", "dana." + UUID.randomUUID() + "@example.org",
                        "schoolIds", List.of(schoolId)))
                .post("/api/v1/staff").then().statusCode(201).extract().path("id");
    }

    static String student(String schoolId) {
        return at(ServiceLayout.STUDENT).body(Map.of("givenName", "Ava", "familyName", "Johnson", "grade", "2",
                        "schoolId", schoolId))
                .post("/api/v1/students").then().statusCode(201).extract().path("id");
    }

    /**
     * Speech {@code pushIn + pullOut} × 30 min per week from 2026-09-01, with the SLP named, the
     * worked example's "1 pull-out + 1 push-in" when both are 1.
     */
    static Enrolled speechStudent(int pushIn, int pullOut) {
        String school = school("Maple Elementary");
        String slp = slp(school);
        String kid = student(school);
        JsonPath iep = at(ServiceLayout.STUDENT)
                .body(Map.of("startDate", "2026-09-01", "endDate", "2027-08-31",
                        "eligibility", "Speech or Language Impairment",
                        "goals", List.of(Map.of("area", "EXPRESSIVE_LANGUAGE", "skillStage", "GENERALIZATION",
                                "description", "Retell a story with beginning, middle and end", "targetPercent", 80,
                                "measurementMethod", "PERCENT_ACCURACY")),
                        "mandates", List.of(Map.of("serviceType", "SPEECH_LANGUAGE",
                                "sessionsPerInterval", pushIn + pullOut, "minutesPerSession", 30, "interval", "WEEK",
                                "pushInSessions", pushIn, "pullOutSessions", pullOut, "maxGroupSize", 3,
                                "providerId", slp))))
                .post("/api/v1/students/" + kid + "/ieps").then().statusCode(201).extract().jsonPath();
        at(ServiceLayout.STUDENT).body(Map.of()).post("/api/v1/ieps/" + iep.getString("id") + "/activate")
                .then().statusCode(200).body("status", is("ACTIVE"));
        Enrolled enrolled = new Enrolled(school, kid, iep.getString("id"), iep.getString("mandates[0].id"), slp,
                iep.getList("goals.id"));
        awaitSessionCopies(enrolled);
        return enrolled;
    }

    /** session-service validates logs and misses against its copies: wait until they arrived. */
    static void awaitSessionCopies(Enrolled e) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            at(ServiceLayout.SESSION).get("/api/v1/students/" + e.studentId() + "/mandates")
                    .then().statusCode(200).body("$", hasSize(greaterThan(0)));
            at(ServiceLayout.SESSION).get("/api/v1/providers/" + e.providerId()).then().statusCode(200);
            at(ServiceLayout.SESSION).get("/api/v1/schools/" + e.schoolId()).then().statusCode(200);
        });
    }

    /** schedule-service checks series against its copies of the student's mandates. */
    static void awaitScheduleCopies(Enrolled e) {
        await().atMost(PROPAGATION).untilAsserted(() ->
                at(ServiceLayout.SCHEDULE).get("/api/v1/students/" + e.studentId() + "/mandates")
                        .then().statusCode(200).body("$", hasSize(greaterThan(0))));
    }

    /** An ad hoc draft log of one student, PRESENT for {@code minutes}. */
    static String draftLog(Enrolled e, String date, String setting, int minutes) {
        Map<String, Object> line = new HashMap<>(Map.of("studentId", e.studentId(), "mandateId", e.mandateId(),
                "attendance", "PRESENT", "minutes", minutes));
        return at(ServiceLayout.SESSION).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("providerId", e.providerId(), "sessionDate", date, "startTime", "10:00:00",
                        "endTime", "10:30:00", "setting", setting,
                        "format", setting.equals("PUSH_IN") ? "SMALL_GROUP" : "INDIVIDUAL",
                        "students", List.of(line)))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
    }

    /** The provider signs their own log (nobody signs for a provider, not even an admin). */
    static void complete(Enrolled e, String logId) {
        asProvider(ServiceLayout.SESSION, e).body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                .post("/api/v1/session-logs/" + logId + "/complete").then().statusCode(200)
                .body("locked", is(true));
    }

    static String miss(Enrolled e, String date, String setting, String reason) {
        return at(ServiceLayout.SESSION)
                .body(Map.of("studentId", e.studentId(), "mandateId", e.mandateId(), "providerId", e.providerId(),
                        "setting", setting, "sessionDate", date, "minutes", 30, "reason", reason))
                .post("/api/v1/misses").then().statusCode(201).extract().path("id");
    }

    private TestDistrict() {
    }
}
