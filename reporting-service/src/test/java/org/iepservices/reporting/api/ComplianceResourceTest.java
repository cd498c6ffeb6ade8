package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.EventType;
import org.iepservices.events.IepActivated;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class ComplianceResourceTest {

    private final EventPublisher events = new EventPublisher();

    private final UUID student = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private <T> void send(EventType<T> type, T payload) throws Exception {
        events.send(type, student, payload);
    }

    private UUID activateSpeechIep(UUID iep, UUID supersedes, String from) throws Exception {
        UUID mandate = UUID.randomUUID();
        send(IepActivated.TYPE, new IepActivated(iep, student, supersedes, LocalDate.parse(from),
                LocalDate.parse("2027-06-18"), List.of(new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP",
                provider, 2, 30, "WEEK", 1, 1, "GROUP", 3, LocalDate.parse(from), LocalDate.parse("2027-06-18"),
                null, null, List.of())), List.of()));
        return mandate;
    }

    @Test
    void workedExampleOutOfComplianceThenMadeUp() throws Exception {
        UUID mandate = activateSpeechIep(UUID.randomUUID(), null, "2026-09-01");
        UUID miss = UUID.randomUUID();
        send(SessionCompleted.TYPE, new SessionCompleted(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PULL_OUT, LocalDate.parse("2026-09-15"), 30, List.of()));
        send(SessionMissed.TYPE, new SessionMissed(miss, student, mandate, provider, ServiceSetting.PUSH_IN,
                LocalDate.parse("2026-09-17"), 30, "PROVIDER_ABSENT", "OWED"));

        String path = "/api/v1/compliance/students/" + student;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-20").get(path)
                        .then().statusCode(200)
                        .body("mandates", hasSize(1))
                        .body("mandates[0].periods", hasSize(1))
                        .body("mandates[0].periods[0].mandated.pushIn", is(30))
                        .body("mandates[0].periods[0].mandated.pullOut", is(30))
                        .body("mandates[0].periods[0].delivered.pullOut", is(30))
                        .body("mandates[0].periods[0].delivered.pushIn", is(0))
                        .body("mandates[0].periods[0].missedOwed", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(30))
                        .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE")));

        // A 40-minute push-in session the next week, 30 of them repaying the miss.
        send(SessionCompleted.TYPE, new SessionCompleted(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PUSH_IN, LocalDate.parse("2026-09-22"), 40,
                List.of(new SessionCompleted.Repayment(miss, 30))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-27").get(path)
                        .then().statusCode(200)
                        .body("mandates[0].periods[0].madeUp.pushIn", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(0))
                        .body("mandates[0].periods[0].shortfall.pushIn", is(0))
                        .body("mandates[0].periods[0].status", is("ON_TRACK"))
                        // the repaid minutes are not also counted in the week they happened; the rest are
                        .body("mandates[0].periods[1].delivered.pushIn", is(10)));
    }

    @Test
    void aSupersedingIepEndsTheOldMandatesTheDayBefore() throws Exception {
        UUID first = UUID.randomUUID();
        UUID oldMandate = activateSpeechIep(first, null, "2026-09-01");
        UUID newMandate = activateSpeechIep(UUID.randomUUID(), first, "2026-10-07");
        String path = "/api/v1/compliance/students/" + student;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("from", "2026-10-05").queryParam("to", "2026-10-11").get(path)
                        .then().statusCode(200)
                        .body("mandates.mandateId", contains(oldMandate.toString(), newMandate.toString()))
                        .body("mandates[0].endDate", is("2026-10-06"))
                        // Mon-Tue under the old IEP (2/5 of 60), Wed-Fri under the new one (3/5)
                        .body("mandates[0].periods[0].mandated.pushIn", is(12))
                        .body("mandates[1].periods[0].mandated.pushIn", is(18)));
    }

    @Test
    void missingOrInvertedDatesAreClientErrors() {
        given().get("/api/v1/compliance/students/" + student).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("from"));
        given().queryParam("from", "2026-09-20").queryParam("to", "2026-09-14")
                .get("/api/v1/compliance/students/" + student).then().statusCode(400)
                .body("violations[0].field", is("to"));
    }
}
