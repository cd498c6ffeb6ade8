package org.iepservices.e2e;

import org.iepservices.client.reporting.api.AccessAuditApi;
import org.iepservices.client.reporting.api.ComplianceApi;
import org.iepservices.client.reporting.model.AccessRecordResponse;
import org.iepservices.client.schedule.api.StudentsApi;
import org.iepservices.client.session.api.KnownRecordsApi;
import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.ServiceLayout;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.refused;
import static org.iepservices.e2e.Clients.reporting;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.Clients.student;
import static org.iepservices.e2e.Clients.undescribed;
import static org.iepservices.e2e.TestDistrict.PROPAGATION;
import static org.iepservices.e2e.TestDistrict.speechStudent;

/**
 * Access across the four running services, the way a district's identity provider would drive
 * it: every service refuses calls without a valid token, the SLP named in a student's IEP reads
 * that student everywhere (her caseload travelled from student-service as events), another
 * provider gets a 404 as if the student did not exist, the SIS integration reads no student
 * records, and the district's access trail in reporting-service shows who read what and why.
 * Every call goes through the generated clients; refusals are read from their ApiException.
 */
class AccessIT {

    /** A student-level read on a service, as a token's holder, with extra headers. */
    @FunctionalInterface
    private interface StudentRead {
        void call(UUID studentId, String token, Map<String, String> headers) throws Exception;
    }

    /** A student-level read on each service, each asserting a 200 when it succeeds. */
    private static final Map<ServiceLayout, StudentRead> STUDENT_READ = Map.of(
            ServiceLayout.STUDENT, (id, token, headers) -> status(student(RunningSystem.url(ServiceLayout.STUDENT),
                    token, headers, org.iepservices.client.student.api.StudentsApi::new).getStudentWithHttpInfo(id), 200),
            ServiceLayout.SCHEDULE, (id, token, headers) -> status(schedule(RunningSystem.url(ServiceLayout.SCHEDULE),
                    token, headers, StudentsApi::new).listStudentMandatesWithHttpInfo(id, null), 200),
            ServiceLayout.SESSION, (id, token, headers) -> status(session(RunningSystem.url(ServiceLayout.SESSION),
                    token, headers, KnownRecordsApi::new).listStudentMandatesWithHttpInfo(id, null, null), 200),
            ServiceLayout.REPORTING, (id, token, headers) -> status(reporting(RunningSystem.url(ServiceLayout.REPORTING),
                    token, headers, ComplianceApi::new).getComplianceStudentWithHttpInfo(id, LocalDate.parse("2026-09-14"),
                    LocalDate.parse("2026-09-20")),
                    200));

    private static Enrolled ava;

    @BeforeAll
    static void aStudentWithAnIep() throws Exception {
        ava = speechStudent(1, 1);
    }

    private static void read(ServiceLayout service, String token) throws Exception {
        read(service, token, Map.of());
    }

    private static void read(ServiceLayout service, String token, Map<String, String> headers) throws Exception {
        STUDENT_READ.get(service).call(ava.studentId(), token, headers);
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
                refused(401, () -> read(service, token));
            }
            assertThat(RunningSystem.probe(service, "/q/health", null).status(), is(200));
        }
    }

    @Test
    void theNamedProviderReadsHerStudentEverywhereAnotherProviderSeesNothing() {
        String hers = TestDistrict.providerToken(ava);
        String someoneElse = RunningSystem.providerToken(UUID.randomUUID().toString());
        for (ServiceLayout service : ServiceLayout.ALL) {
            // Her caseload reaches each service as CaseloadAssignmentChanged: wait like a client would.
            eventually(PROPAGATION).untilAsserted(() -> read(service, hers));
            Clients.Refusal notFound = refused(404, () -> read(service, someoneElse));
            assertThat(notFound.contentType(), startsWith("application/problem+json"));
        }
    }

    @Test
    void theSisIntegrationReadsNoStudentRecords() {
        String sis = tokens().token("sis", "sis-integration").sign();
        for (ServiceLayout service : ServiceLayout.ALL) {
            refused(403, () -> read(service, sis));
        }
    }

    @Test
    void theAccessTrailShowsWhoReadTheStudentAndWhy() throws Exception {
        String hers = TestDistrict.providerToken(ava);
        // X-Access-Purpose is not a declared parameter of the document: sent as an extra header.
        eventually(PROPAGATION).untilAsserted(() ->
                read(ServiceLayout.SESSION, hers, Map.of("X-Access-Purpose", "annual review preparation")));

        eventually(PROPAGATION).untilAsserted(() -> {
            List<AccessRecordResponse> trail = status(reporting(AccessAuditApi::new).getAuditAccessWithHttpInfo(
                    "provider-" + ava.providerId(), null, null, null, ava.studentId().toString(), null), 200);
            assertThat(values(trail, AccessRecordResponse::getPurpose), hasItem("annual review preparation"));
            assertThat(values(trail, AccessRecordResponse::getService), hasItem("session-service"));
            assertThat(values(trail, AccessRecordResponse::getActorRole), hasItem("provider"));
        });
        // Only district admins read the trail.
        refused(403, () -> reporting(hers, AccessAuditApi::new).getAuditAccess(null, null, null, null, null, null));
        // The CSV form: the generated method reads the first content type (JSON), so the CSV is kept as sent.
        Clients.Raw csv = undescribed(() -> reporting(RunningSystem.url(ServiceLayout.REPORTING),
                RunningSystem.adminToken(), Map.of("Accept", "text/csv"), AccessAuditApi::new)
                .getAuditAccessWithHttpInfo(null, null, null, null, ava.studentId().toString(), null));
        assertThat(csv.status(), is(200));
        assertThat(csv.contentType(), startsWith("text/csv"));
    }

    private static List<String> values(List<AccessRecordResponse> trail, Function<AccessRecordResponse, String> field) {
        List<String> values = new ArrayList<>();
        trail.forEach(item -> values.add(field.apply(item)));
        return values;
    }
}
