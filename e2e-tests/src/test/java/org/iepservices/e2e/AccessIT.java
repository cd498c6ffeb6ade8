package org.iepservices.e2e;

import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.ServiceLayout;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.iepservices.e2e.TestDistrict.PROPAGATION;
import static org.iepservices.e2e.TestDistrict.as;
import static org.iepservices.e2e.TestDistrict.speechStudent;

/**
 * Access across the four running services, the way a district's identity provider would drive
 * it: every service refuses calls without a valid token, the SLP named in a student's IEP reads
 * that student everywhere (her caseload travelled from student-service as events), another
 * provider gets a 404 as if the student did not exist, the SIS integration reads no student
 * records, and the district's access trail in reporting-service shows who read what and why.
 */
class AccessIT {

    /** A student-level read on each service. */
    private static final Map<ServiceLayout, String> STUDENT_READ = Map.of(
            ServiceLayout.STUDENT, "/api/v1/students/%s",
            ServiceLayout.SCHEDULE, "/api/v1/students/%s/mandates",
            ServiceLayout.SESSION, "/api/v1/students/%s/mandates",
            ServiceLayout.REPORTING, "/api/v1/compliance/students/%s?from=2026-09-14&to=2026-09-20");

    private static Enrolled ava;

    @BeforeAll
    static void aStudentWithAnIep() {
        ava = speechStudent(1, 1);
    }

    private static String path(ServiceLayout service) {
        return STUDENT_READ.get(service).formatted(ava.studentId());
    }

    private static TokenIssuer tokens() {
        return RunningSystem.get().tokens();
    }

    @Test
    void everyServiceRefusesACallWithoutAValidToken() {
        String expired = tokens().token("dana", "district-admin")
                .issuedAt(Instant.now().minus(Duration.ofHours(10)), Duration.ofHours(1)).sign();
        String foreign = TokenIssuer.generate().token("mallory", "district-admin").sign();
        for (ServiceLayout service : ServiceLayout.ALL) {
            for (String token : new String[] {null, expired, foreign, "not-a-jwt"}) {
                as(token, service).get(path(service)).then().statusCode(401);
            }
            as(null, service).get("/q/health").then().statusCode(200);
        }
    }

    @Test
    void theNamedProviderReadsHerStudentEverywhereAnotherProviderSeesNothing() {
        String hers = RunningSystem.providerToken(ava.providerId());
        String someoneElse = RunningSystem.providerToken(UUID.randomUUID().toString());
        for (ServiceLayout service : ServiceLayout.ALL) {
            // Her caseload reaches each service as CaseloadAssignmentChanged: wait like a client would.
            await().atMost(PROPAGATION).untilAsserted(() ->
                    as(hers, service).get(path(service)).then().statusCode(200));
            as(someoneElse, service).get(path(service)).then().statusCode(404);
        }
    }

    @Test
    void theSisIntegrationReadsNoStudentRecords() {
        String sis = tokens().token("sis", "sis-integration").sign();
        for (ServiceLayout service : ServiceLayout.ALL) {
            as(sis, service).get(path(service)).then().statusCode(403);
        }
    }

    @Test
    void theAccessTrailShowsWhoReadTheStudentAndWhy() {
        String hers = RunningSystem.providerToken(ava.providerId());
        await().atMost(PROPAGATION).untilAsserted(() ->
                as(hers, ServiceLayout.SESSION).header("X-Access-Purpose", "annual review preparation")
                        .get(path(ServiceLayout.SESSION)).then().statusCode(200));

        await().atMost(PROPAGATION).untilAsserted(() ->
                as(RunningSystem.adminToken(), ServiceLayout.REPORTING)
                        .queryParam("studentId", ava.studentId()).queryParam("actor", "provider-" + ava.providerId())
                        .get("/api/v1/audit/access").then().statusCode(200)
                        .body("purpose", hasItem("annual review preparation"))
                        .body("service", hasItem("session-service"))
                        .body("actorRole", hasItem("provider")));
        // Only district admins read the trail.
        as(hers, ServiceLayout.REPORTING).get("/api/v1/audit/access").then().statusCode(403);
        as(RunningSystem.adminToken(), ServiceLayout.REPORTING).accept("text/csv")
                .queryParam("studentId", ava.studentId()).get("/api/v1/audit/access").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
    }
}
