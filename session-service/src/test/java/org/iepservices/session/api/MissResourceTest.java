package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MissResourceTest {

    private Map<String, Object> miss(String reason, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("studentId", UUID.randomUUID().toString(),
                "mandateId", UUID.randomUUID().toString(), "providerId", UUID.randomUUID().toString(),
                "setting", "PUSH_IN", "sessionDate", "2026-09-17", "minutes", 30, "reason", reason));
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    @Test
    void providerAbsenceIsOwedAndPublished() throws Exception {
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            String id = given().contentType(ContentType.JSON).body(miss("PROVIDER_ABSENT", null))
                    .post("/api/v1/misses")
                    .then().statusCode(201).body("owed", is("OWED")).extract().path("id");
            List<JsonNode> events = probe.await(e -> e.path("data").path("missId").asText().equals(id), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size());
            assertEquals("SessionMissed", events.get(0).get("type").asText());
            assertEquals("OWED", events.get(0).get("data").get("owed").asText());
        }
        given().contentType(ContentType.JSON).body(miss("STUDENT_ABSENT", null))
                .post("/api/v1/misses").then().statusCode(201).body("owed", is("NOT_OWED"));
    }

    @Test
    void otherNeedsANoteAndUnknownReasonsAreRefused() {
        given().contentType(ContentType.JSON).body(miss("OTHER", null))
                .post("/api/v1/misses").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("note"));
        given().contentType(ContentType.JSON).body(miss("OTHER", "fire drill"))
                .post("/api/v1/misses").then().statusCode(201).body("owed", is("REVIEW"));
        given().contentType(ContentType.JSON).body(miss("ALIENS", null))
                .post("/api/v1/misses").then().statusCode(400)
                .body("violations[0].field", is("reason"));
    }
}
