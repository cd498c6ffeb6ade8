package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class ServiceProfileApiTest {

    private static Map<String, Object> profile(String regulation, boolean quiet, List<String> codes, boolean consent,
                                               String consentDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("regulationSupport", regulation);
        body.put("needsQuietSetting", quiet);
        body.put("medicaidId", "NY12345678");
        body.put("diagnosisCodes", codes);
        body.put("billingConsentOnFile", consent);
        body.put("billingConsentDate", consentDate);
        return body;
    }

    @Test
    void aProfileIsStoredVersionedAndPublishedOnlyWhenItChanges() throws Exception {
        IepFixtures f = new IepFixtures();
        String path = "/api/v1/students/" + f.student + "/service-profile";
        given().get(path).then().statusCode(200).header("ETag", is("\"0\""))
                .body("regulationSupport", is("NONE")).body("needsQuietSetting", is(false))
                .body("diagnosisCodes", hasSize(0)).body("billingConsentOnFile", is(false)).body("version", is(0));

        try (TopicProbe probe = new TopicProbe("iep.events")) {
            String etag = given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(profile("HIGH", true, List.of("f802", "R48.2"), true, "2026-08-20"))
                    .put(path).then().statusCode(200)
                    .body("regulationSupport", is("HIGH")).body("needsQuietSetting", is(true))
                    .body("medicaidId", is("NY12345678"))
                    .body("diagnosisCodes", contains("F80.2", "R48.2"))
                    .body("billingConsentOnFile", is(true)).body("billingConsentDate", is("2026-08-20"))
                    .body("version", is(1))
                    .extract().header("ETag");
            assertEquals("\"1\"", etag);

            // The same profile again changes nothing: same version, no event.
            given().contentType(ContentType.JSON).body(profile("HIGH", true, List.of("F80.2", "R48.2"), true, "2026-08-20"))
                    .put(path).then().statusCode(200).header("ETag", is(etag));

            given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(profile("SOME", false, List.of("F80.2"), true, "2026-08-20"))
                    .put(path).then().statusCode(200).body("version", is(2));
            // A client that read version 1 does not overwrite version 2.
            given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(profile("NONE", false, List.of(), false, null))
                    .put(path).then().statusCode(412);
            given().get(path).then().body("regulationSupport", is("SOME")).body("diagnosisCodes", contains("F80.2"));

            List<TopicProbe.Received> events = probe.await(
                    e -> e.path("data").path("studentId").asText().equals(f.student), 2, Duration.ofSeconds(20));
            assertEquals(2, events.size());
            JsonNode first = events.get(0).event();
            assertEquals("ServiceProfileUpdated", first.get("type").asText());
            assertEquals(f.student, events.get(0).key());
            JsonNode data = first.get("data");
            assertEquals(f.student, data.get("studentId").asText());
            assertEquals("HIGH", data.get("regulationSupport").asText());
            assertTrue(data.get("needsQuietSetting").asBoolean());
            assertEquals("NY12345678", data.get("medicaidId").asText());
            assertEquals(List.of("F80.2", "R48.2"), List.of(data.get("diagnosisCodes").get(0).asText(),
                    data.get("diagnosisCodes").get(1).asText()));
            assertTrue(data.get("billingConsentOnFile").asBoolean());
            assertEquals("2026-08-20", data.get("billingConsentDate").asText());
            JsonNode second = events.get(1).event().get("data");
            assertEquals("SOME", second.get("regulationSupport").asText());
            assertFalse(second.get("needsQuietSetting").asBoolean());
            assertEquals(1, second.get("diagnosisCodes").size());
        }
    }

    @Test
    void invalidProfilesAreRefusedFieldByFieldAndChangeNothing() {
        IepFixtures f = new IepFixtures();
        String path = "/api/v1/students/" + f.student + "/service-profile";
        given().contentType(ContentType.JSON).body(profile("SOME", false, List.of("F80.2"), false, null))
                .put(path).then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body(profile("HIGH", true, List.of("F80.2", "315.39", "f80.2"), true,
                        LocalDate.now().plusDays(30).toString()))
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("diagnosisCodes[1]", "diagnosisCodes[2]", "billingConsentDate"));
        Map<String, Object> noDate = profile("HIGH", true, List.of(), true, null);
        noDate.put("medicaidId", "NY 123-45");
        given().contentType(ContentType.JSON).body(noDate).put(path).then().statusCode(422)
                .body("violations.field", contains("medicaidId", "billingConsentDate"));
        given().contentType(ContentType.JSON).body(Map.of("regulationSupport", "EXTREME", "needsQuietSetting", true,
                "billingConsentOnFile", false)).put(path).then().statusCode(400)
                .body("violations[0].field", is("regulationSupport"));
        given().contentType(ContentType.JSON).body(Map.of("regulationSupport", "HIGH")).put(path).then().statusCode(400)
                .body("violations.field", hasItems("needsQuietSetting", "billingConsentOnFile"));

        given().get(path).then().body("regulationSupport", is("SOME")).body("needsQuietSetting", is(false))
                .body("diagnosisCodes", contains("F80.2")).body("version", is(1));
        given().get("/api/v1/students/" + UUID.randomUUID() + "/service-profile").then().statusCode(404);
    }
}
