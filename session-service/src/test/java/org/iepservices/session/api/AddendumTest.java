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
class AddendumTest {

    private final UUID student = UUID.randomUUID();

    private String log() {
        return given().contentType(ContentType.JSON).body(Map.of("providerId", UUID.randomUUID().toString(),
                        "sessionDate", "2026-09-15", "startTime", "10:00:00", "endTime", "10:30:00",
                        "setting", "PULL_OUT", "format", "INDIVIDUAL",
                        "students", List.of(Map.of("studentId", student.toString(),
                                "mandateId", UUID.randomUUID().toString(), "attendance", "PRESENT"))))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse amend(String logId, String attendance, Integer minutes,
                                                               UUID who) {
        Map<String, Object> line = new java.util.HashMap<>(Map.of("studentId", who.toString(), "attendance", attendance));
        if (minutes != null) {
            line.put("minutes", minutes);
        }
        return given().contentType(ContentType.JSON).body(Map.of("author", "Dana Whitfield",
                        "credentials", "CCC-SLP", "reason", "Student left early for the nurse",
                        "students", List.of(line)))
                .post("/api/v1/session-logs/" + logId + "/addenda").then();
    }

    private void complete(String logId) {
        given().contentType(ContentType.JSON).body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                .post("/api/v1/session-logs/" + logId + "/complete").then().statusCode(200);
    }

    @Test
    void anAddendumCorrectsALockedLogKeepsTheOriginalAndPublishesSessionAmended() throws Exception {
        String logId = log();
        amend(logId, "PARTIAL", 20, student).statusCode(409); // drafts are not amended
        complete(logId);
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            amend(logId, "PARTIAL", 20, student).statusCode(201)
                    .body("locked", is(true))
                    .body("students[0].minutes", is(20))
                    .body("students[0].attendance", is("PARTIAL"))
                    .body("students[0].originalMinutes", is(30))
                    .body("students[0].originalAttendance", is("PRESENT"))
                    .body("addenda", hasSize(1))
                    .body("addenda[0].author", is("Dana Whitfield"))
                    .body("addenda[0].reason", containsString("nurse"))
                    .body("addenda[0].changes.field", containsInAnyOrder("attendance", "minutes"));
            List<JsonNode> events = probe.await(e -> e.path("type").asText().equals("SessionAmended")
                    && e.path("data").path("sessionLogId").asText().equals(logId), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            assertEquals(30, events.get(0).get("data").get("previousMinutes").asInt());
            assertEquals(20, events.get(0).get("data").get("minutes").asInt());
            assertEquals(student.toString(), events.get(0).get("subject").asText());
        }
        // A second addendum keeps the signed values as the original.
        amend(logId, "PARTIAL", 15, student).statusCode(201)
                .body("students[0].minutes", is(15))
                .body("students[0].originalMinutes", is(30))
                .body("addenda", hasSize(2));
    }

    @Test
    void anAddendumThatBreaksARuleOrChangesNothingIsRefusedAndChangesNothing() {
        String logId = log();
        complete(logId);
        amend(logId, "PRESENT", 45, student).statusCode(422)
                .body("violations[0].field", is("students[0].minutes"));
        amend(logId, "PRESENT", null, student).statusCode(422)
                .body("detail", containsString("changes nothing"));
        amend(logId, "ABSENT", null, UUID.randomUUID()).statusCode(422)
                .body("violations[0].message", containsString("not on the log"));
        given().get("/api/v1/session-logs/" + logId).then()
                .body("students[0].minutes", is(30)).body("addenda", hasSize(0));
    }
}
