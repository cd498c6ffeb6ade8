package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MakeupTest {

    private final UUID student = UUID.randomUUID();
    private final UUID mandate = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    private String miss(String reason, String date) {
        return given().contentType(ContentType.JSON).body(Map.of("studentId", student.toString(),
                        "mandateId", mandate.toString(), "providerId", provider.toString(), "setting", "PUSH_IN",
                        "sessionDate", date, "minutes", 30, "reason", reason))
                .post("/api/v1/misses").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse makeup(UUID forStudent, int minutes, List<String> misses) {
        return given().contentType(ContentType.JSON).body(Map.of("providerId", provider.toString(),
                        "sessionDate", "2026-09-22", "startTime", "09:00:00", "endTime", "09:40:00",
                        "setting", "PUSH_IN", "format", "SMALL_GROUP",
                        "students", List.of(Map.of("studentId", forStudent.toString(), "mandateId", mandate.toString(),
                                "attendance", "PRESENT", "minutes", minutes, "makeupFor", misses))))
                .post("/api/v1/session-logs").then();
    }

    private void complete(String logId) {
        given().contentType(ContentType.JSON).body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                .post("/api/v1/session-logs/" + logId + "/complete").then().statusCode(200);
    }

    @Test
    void aMakeupRepaysTheOwedMissAndThePublishedEventSaysHowMuch() throws Exception {
        String owed = miss("PROVIDER_ABSENT", "2026-09-17");
        String logId = makeup(student, 40, List.of(owed)).statusCode(201)
                .body("students[0].makeupFor[0].missId", is(owed))
                .body("students[0].makeupFor[0].minutes", is(0)) // a draft repays nothing yet
                .extract().path("id");
        given().get("/api/v1/students/" + student + "/makeup-ledger").then()
                .body("mandates[0].outstandingMinutes", is(30));

        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            complete(logId);
            List<JsonNode> events = probe.await(e -> e.path("data").path("sessionLogId").asText().equals(logId), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode data = events.get(0).get("data");
            assertEquals(40, data.get("minutes").asInt());
            assertEquals(owed, data.get("makeupFor").get(0).get("missId").asText());
            assertEquals(30, data.get("makeupFor").get(0).get("minutes").asInt());
        }

        given().get("/api/v1/students/" + student + "/makeup-ledger").then().statusCode(200)
                .body("mandates[0].owedMinutes", is(30))
                .body("mandates[0].repaidMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(0))
                .body("mandates[0].misses[0].repaidBy", contains(logId));
        given().get("/api/v1/session-logs/" + logId).then().body("students[0].makeupFor[0].minutes", is(30));

        // Fully repaid: a second makeup for the same miss is refused and nothing is written.
        makeup(student, 30, List.of(owed)).statusCode(422)
                .body("violations[0].field", is("students[0].makeupFor[0]"))
                .body("violations[0].message", containsString("already fully made up"));
    }

    @Test
    void onlyOwedMissesOfTheSameStudentAndMandateCanBeMadeUp() {
        String notOwed = miss("STUDENT_ABSENT", "2026-09-16");
        makeup(student, 30, List.of(notOwed)).statusCode(422)
                .body("violations[0].message", containsString("not owed"));
        String owed = miss("SCHEDULING_ERROR", "2026-09-18");
        makeup(UUID.randomUUID(), 30, List.of(owed)).statusCode(422)
                .body("violations[0].message", containsString("another student"));
        makeup(student, 30, List.of(UUID.randomUUID().toString())).statusCode(422)
                .body("violations[0].message", containsString("no missed session"));
        given().get("/api/v1/students/" + student + "/makeup-ledger").then()
                .body("mandates[0].notOwedMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(30));
    }
}
