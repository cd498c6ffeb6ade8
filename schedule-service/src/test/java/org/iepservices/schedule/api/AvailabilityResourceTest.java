package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class AvailabilityResourceTest {

    static Map<String, Object> window(UUID school, String day, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolId", school.toString());
        body.put("dayOfWeek", day);
        body.put("startTime", start);
        body.put("endTime", end);
        return body;
    }

    @Test
    void aProvidersWindowsNeverOverlapOnADay() {
        UUID provider = UUID.randomUUID();
        UUID lincoln = UUID.randomUUID();
        UUID adams = UUID.randomUUID();
        String path = "/api/v1/providers/" + provider + "/availability";
        String morning = World.available(provider, lincoln, "TUESDAY", "08:00:00", "12:00:00");
        As.admin().contentType(ContentType.JSON).body(window(adams, "TUESDAY", "11:00:00", "14:00:00")).post(path).then()
                .statusCode(422).contentType("application/problem+json").body("violations[0].field", is("startTime"));
        As.admin().get(path).then().body("", hasSize(1));
        World.available(provider, adams, "TUESDAY", "12:30:00", "15:00:00");
        As.admin().get(path).then().body("schoolId", contains(lincoln.toString(), adams.toString()));

        String etag = As.admin().get(path + "/" + morning).then().statusCode(200).extract().header("ETag");
        As.admin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(window(lincoln, "TUESDAY", "08:00:00", "12:15:00")).put(path + "/" + morning).then()
                .statusCode(200).body("endTime", is("12:15:00"));
        As.admin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(window(lincoln, "TUESDAY", "08:00:00", "12:20:00")).put(path + "/" + morning).then()
                .statusCode(412);
        As.admin().contentType(ContentType.JSON).body(window(lincoln, "TUESDAY", "08:00:00", "13:00:00"))
                .put(path + "/" + morning).then().statusCode(422);
        As.admin().get(path + "/" + morning).then().body("endTime", is("12:15:00"));
        // Another provider's path does not reach this window.
        As.admin().get("/api/v1/providers/" + UUID.randomUUID() + "/availability/" + morning).then().statusCode(404);
        Map<String, Object> noDay = window(lincoln, null, "08:00:00", "09:00:00");
        noDay.remove("dayOfWeek");
        As.admin().contentType(ContentType.JSON).body(noDay).post(path).then().statusCode(400)
                .body("violations[0].field", is("dayOfWeek"));
        As.admin().delete(path + "/" + morning).then().statusCode(204);
        As.admin().get(path).then().body("", hasSize(1));
    }

    @Test
    void travelTimesAreDistrictDefaultsAProviderCanOverride() {
        UUID lincoln = UUID.randomUUID();
        UUID adams = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        As.admin().contentType(ContentType.JSON).body(Map.of("fromSchoolId", lincoln.toString(), "toSchoolId",
                adams.toString(), "minutes", 20)).put("/api/v1/travel-times").then().statusCode(201)
                .body("minutes", is(20)).body("providerId", nullValue());
        // The same pair either way round is one value.
        As.admin().contentType(ContentType.JSON).body(Map.of("fromSchoolId", adams.toString(), "toSchoolId",
                lincoln.toString(), "minutes", 25)).put("/api/v1/travel-times").then().statusCode(200)
                .body("minutes", is(25));
        String own = As.admin().contentType(ContentType.JSON).body(Map.of("providerId", provider.toString(),
                        "fromSchoolId", lincoln.toString(), "toSchoolId", adams.toString(), "minutes", 10))
                .put("/api/v1/travel-times").then().statusCode(201).extract().path("id");
        As.admin().queryParam("providerId", provider.toString()).get("/api/v1/travel-times").then()
                .body("findAll { it.fromSchoolId == '" + lincoln + "' || it.toSchoolId == '" + lincoln + "' }.minutes",
                        contains(25, 10));
        As.admin().queryParam("schoolId", adams.toString()).get("/api/v1/travel-times").then().body("", hasSize(2));

        As.admin().contentType(ContentType.JSON).body(Map.of("fromSchoolId", adams.toString(), "toSchoolId",
                adams.toString(), "minutes", 5)).put("/api/v1/travel-times").then().statusCode(422);
        As.admin().contentType(ContentType.JSON).body(Map.of("fromSchoolId", adams.toString(), "toSchoolId",
                lincoln.toString(), "minutes", -1)).put("/api/v1/travel-times").then().statusCode(400)
                .body("violations[0].field", is("minutes"));
        As.admin().queryParam("schoolId", adams.toString()).get("/api/v1/travel-times").then()
                .body("minutes", contains(25, 10));
        As.admin().delete("/api/v1/travel-times/" + own).then().statusCode(204);
        As.admin().delete("/api/v1/travel-times/" + own).then().statusCode(404);
    }

    @Test
    void aProvidersDailyMaximumIsSetAndRead() {
        UUID provider = UUID.randomUUID();
        String path = "/api/v1/providers/" + provider + "/limits";
        As.admin().get(path).then().statusCode(200).body("maxSessionsPerDay", nullValue());
        As.admin().contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 6)).put(path).then().statusCode(200)
                .body("maxSessionsPerDay", is(6));
        As.admin().contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 0)).put(path).then().statusCode(400)
                .body("violations[0].field", is("maxSessionsPerDay"));
        As.admin().get(path).then().body("maxSessionsPerDay", is(6));
    }
}
