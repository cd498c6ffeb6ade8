package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.iepservices.events.ClassUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class ActivityBlockResourceTest {

    static final EventPublisher EVENTS = new EventPublisher();

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @Test
    void blocksAreCreatedReadChangedAndRemoved() {
        World w = new World(EVENTS);
        UUID cls = w.schoolClass("Room 12", w.student("Ana"));
        w.awaitClass(cls, 1);
        Map<String, Object> reading = World.blockBody("TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH",
                "OPEN");
        reading.remove("core"); // ELA_READING is core unless said otherwise
        Response created = As.admin().contentType(ContentType.JSON).body(reading)
                .post("/api/v1/classes/" + cls + "/activity-blocks");
        created.then().statusCode(201).header("ETag", notNullValue())
                .body("core", is(true)).body("minutes", is(60)).body("schoolId", is(w.school.toString()));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/activity-blocks/" + id));
        w.block(cls, "TUESDAY", "12:00:00", "12:45:00", "CENTERS", false, "LOW", "WELCOMES");
        w.block(cls, "WEDNESDAY", "09:00:00", "10:00:00", "MATH", true, "HIGH", "NEVER");
        As.admin().queryParam("dayOfWeek", "TUESDAY").get("/api/v1/classes/" + cls + "/activity-blocks").then()
                .statusCode(200).body("subject", contains("ELA_READING", "CENTERS"));

        String etag = As.admin().get("/api/v1/activity-blocks/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> change = World.blockBody("TUESDAY", "09:00:00", "09:45:00", "ELA_READING", true, "HIGH",
                "WELCOMES");
        As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/activity-blocks/" + id).then().statusCode(200)
                .body("endTime", is("09:45:00")).body("pushInOpenness", is("WELCOMES"));
        As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/activity-blocks/" + id).then().statusCode(412).contentType("application/problem+json");
        As.admin().delete("/api/v1/activity-blocks/" + id).then().statusCode(204);
        As.admin().get("/api/v1/activity-blocks/" + id).then().statusCode(404);
        As.admin().get("/api/v1/classes/" + cls + "/activity-blocks").then().body("", hasSize(2));
    }

    @Test
    void blocksThatDoNotFitTheDayAreRefusedAndChangeNothing() {
        World w = new World(EVENTS);
        UUID cls = w.schoolClass("Room 14", w.student("Ben"));
        w.awaitClass(cls, 1);
        w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        String path = "/api/v1/classes/" + cls + "/activity-blocks";

        As.admin().contentType(ContentType.JSON).body(World.blockBody("TUESDAY", "09:30:00", "10:30:00", "MATH", true,
                        "HIGH", "OPEN")).post(path).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("startTime"))
                .body("violations[0].message", is("overlaps ELA_READING 09:00-10:00 on TUESDAY"));
        As.admin().contentType(ContentType.JSON).body(World.blockBody("MONDAY", "07:00:00", "08:30:00", "ARRIVAL", false,
                        "LOW", "OPEN")).post(path).then().statusCode(422)
                .body("violations[0].message", is("the school day is 08:00-15:00 (default bell schedule)"));
        As.admin().contentType(ContentType.JSON).body(World.blockBody("SATURDAY", "11:00:00", "10:00:00", "MATH", true,
                        "HIGH", "OPEN")).post(path).then().statusCode(422)
                .body("violations.field", hasItem("dayOfWeek")).body("violations.field", hasItem("endTime"));
        As.admin().contentType(ContentType.JSON).body(World.blockBody("MONDAY", "10:00:00", "11:00:00", "KARATE", true,
                        "HIGH", "OPEN")).post(path).then().statusCode(400)
                .body("violations[0].field", is("subject"));
        Map<String, Object> noStructure = World.blockBody("MONDAY", "10:00:00", "11:00:00", "MATH", true, "HIGH",
                "OPEN");
        noStructure.remove("structure");
        As.admin().contentType(ContentType.JSON).body(noStructure).post(path).then().statusCode(400)
                .body("violations[0].field", is("structure"));
        As.admin().get(path).then().body("", hasSize(1));

        As.admin().contentType(ContentType.JSON).body(World.blockBody("MONDAY", "10:00:00", "11:00:00", "MATH", true,
                "HIGH", "OPEN")).post("/api/v1/classes/" + UUID.randomUUID() + "/activity-blocks").then()
                .statusCode(404);

        // A class at a school without a bell schedule: the school day is unknown.
        UUID elsewhere = UUID.randomUUID();
        EVENTS.send(ClassUpserted.TYPE, elsewhere, new ClassUpserted(elsewhere, "x", "Room 1", "homeroom",
                UUID.randomUUID(), List.of(), List.of(), List.of(), "active"));
        await().atMost(Duration.ofSeconds(30)).until(() -> As.admin().get("/api/v1/classes/" + elsewhere).statusCode()
                == 200);
        As.admin().contentType(ContentType.JSON).body(World.blockBody("MONDAY", "10:00:00", "11:00:00", "MATH", true,
                        "HIGH", "OPEN")).post("/api/v1/classes/" + elsewhere + "/activity-blocks").then().statusCode(422)
                .body("violations[0].field", is("classId"));
    }

    @Test
    void aBlockThatPushInSeriesJoinCannotBeRemovedOrMovedFromUnderThem() {
        World w = new World(EVENTS);
        World.Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 16", ana.id());
        String block = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        World.series(w.pushIn(provider, cls, block, "TUESDAY", "09:15:00", 30, ana));

        As.admin().delete("/api/v1/activity-blocks/" + block).then().statusCode(409)
                .contentType("application/problem+json");
        As.admin().contentType(ContentType.JSON).body(World.blockBody("TUESDAY", "10:00:00", "11:00:00", "ELA_READING",
                true, "HIGH", "OPEN")).put("/api/v1/activity-blocks/" + block).then().statusCode(409);
        As.admin().get("/api/v1/activity-blocks/" + block).then().body("startTime", is("09:00:00"));
        As.admin().contentType(ContentType.JSON).body(World.blockBody("TUESDAY", "09:00:00", "09:50:00", "ELA_READING",
                true, "HIGH", "OPEN")).put("/api/v1/activity-blocks/" + block).then().statusCode(200);
    }
}
