package org.iepservices.reporting.webhooks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;

/** Subscription CRUD over HTTP: validation (problem+json 400, nothing stored), district scoping, roles, secrets. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class WebhookSubscriptionResourceTest {

    private static final String SUBSCRIPTIONS = "/api/v1/webhooks/subscriptions";
    private final UUID district = UUID.randomUUID();
    private final UUID otherDistrict = UUID.randomUUID();

    private static RequestSpecification admin(UUID district) {
        return RestAssured.given().auth().oauth2(TokenIssuer.shared().token("admin-" + district, Role.DISTRICT_ADMIN_NAME)
                .claim(TokenIssuer.DISTRICT_ID_CLAIM, district.toString()).sign()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String url, List<String> types) {
        return Map.of("url", url, "eventTypes", types, "description", "SIS dashboard");
    }

    @Test
    void createReadUpdateRotateDelete() {
        var created = admin(district).body(body("http://localhost:9/hooks", List.of("SessionCompleted", "ComplianceStatusChanged")))
                .post(SUBSCRIPTIONS).then().statusCode(201)
                .header("Location", containsString(SUBSCRIPTIONS + "/"))
                .body("secret", startsWith("whsec_"))
                .body("subscription.districtId", is(district.toString()))
                .body("subscription.eventTypes", contains("SessionCompleted", "ComplianceStatusChanged"))
                .body("subscription.active", is(true))
                .body("subscription", not(hasKey("secret")))
                .extract().jsonPath();
        String id = created.getString("subscription.id");
        String secret = created.getString("secret");

        admin(district).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("url", is("http://localhost:9/hooks")).body("$", not(hasKey("secret")));
        admin(district).get(SUBSCRIPTIONS).then().statusCode(200).body("id", hasItem(id)).body("secret", everyItem(nullValue()));

        admin(district).body(Map.of("active", false, "eventTypes", List.of("RosterImportCompleted")))
                .patch(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("active", is(false)).body("eventTypes", contains("RosterImportCompleted"))
                .body("url", is("http://localhost:9/hooks")).body("description", is("SIS dashboard"));

        admin(district).post(SUBSCRIPTIONS + "/" + id + "/secret/rotate").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("secret", not(is(secret)))
                .body("subscription.secretRotatedAt", notNullValue());

        admin(district).get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(200)
                .header("X-Total-Count", "0").body("$", hasSize(0));
        admin(district).queryParam("status", "LOST").get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(400);
        admin(district).queryParam("limit", 501).get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(400);
        admin(district).post(SUBSCRIPTIONS + "/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);

        admin(district).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        admin(district).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badSubscriptionsAreRefusedWithProblemDetailsAndNothingIsStored() {
        admin(district).body(Map.of("eventTypes", List.of("SessionCompleted"))).post(SUBSCRIPTIONS).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("url"));
        admin(district).body(body("ftp://localhost/hooks", List.of("SessionCompleted"))).post(SUBSCRIPTIONS)
                .then().statusCode(400).body("violations.message", hasItem(containsString("must use https")));
        admin(district).body(body("https://user:pw@localhost/hooks", List.of("SessionCompleted"))).post(SUBSCRIPTIONS)
                .then().statusCode(400).body("violations.message", hasItem(containsString("credentials")));
        admin(district).body(body("not a url", List.of("SessionCompleted"))).post(SUBSCRIPTIONS).then().statusCode(400);
        admin(district).body(body("https://no-such-host.invalid/hooks", List.of("SessionCompleted"))).post(SUBSCRIPTIONS)
                .then().statusCode(400).body("violations.message", hasItem(containsString("does not resolve")));
        // Only the events webhooks deliver, and at least one; a clinical-only or internal type is no webhook.
        admin(district).body(body("http://localhost:9/h", List.of("StudentUpserted", "SessionCompleted"))).post(SUBSCRIPTIONS)
                .then().statusCode(400).body("violations.field", contains("eventTypes[0]"));
        admin(district).body(body("http://localhost:9/h", List.of())).post(SUBSCRIPTIONS)
                .then().statusCode(400).body("violations.field", hasItem("eventTypes"));
        admin(district).body(Map.of("url", "http://localhost:9/h", "eventTypes", List.of("SessionCompleted"),
                "description", "x".repeat(501))).post(SUBSCRIPTIONS).then().statusCode(400)
                .body("violations.field", hasItem("description"));
        admin(district).body("{\"url\": ").post(SUBSCRIPTIONS).then().statusCode(400);
        admin(district).get(SUBSCRIPTIONS).then().statusCode(200).body("$", hasSize(0));

        String id = admin(district).body(body("http://localhost:9/h", List.of("SessionMissed"))).post(SUBSCRIPTIONS)
                .then().statusCode(201).extract().path("subscription.id");
        admin(district).body(Map.of("url", "gopher://localhost/h")).patch(SUBSCRIPTIONS + "/" + id).then().statusCode(400);
        admin(district).get(SUBSCRIPTIONS + "/" + id).then().body("url", is("http://localhost:9/h"));
        admin(district).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
    }

    @Test
    void aDistrictSeesOnlyItsOwnSubscriptionsAndOnlyDistrictAdminsManageThem() {
        String id = admin(district).body(body("http://localhost:9/h", List.of("SessionCompleted"))).post(SUBSCRIPTIONS)
                .then().statusCode(201).extract().path("subscription.id");
        admin(otherDistrict).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        admin(otherDistrict).get(SUBSCRIPTIONS).then().statusCode(200).body("id", not(hasItem(id)));
        admin(otherDistrict).body(Map.of("active", false)).patch(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        admin(otherDistrict).post(SUBSCRIPTIONS + "/" + id + "/secret/rotate").then().statusCode(404);
        admin(otherDistrict).get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(404);
        admin(otherDistrict).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);

        for (String role : List.of(Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME, Role.SIS_INTEGRATION_NAME)) {
            RestAssured.given().auth().oauth2(TokenIssuer.shared().token("someone", role).sign())
                    .get(SUBSCRIPTIONS).then().statusCode(403);
        }
        RestAssured.given().get(SUBSCRIPTIONS).then().statusCode(401);
        admin(district).get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("type", hasItems("SessionCompleted", "ComplianceStatusChanged", "RosterImportCompleted"))
                .body("find { it.type == 'SessionCompleted' }.fields", not(hasItem("progressNote")));
        admin(district).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
    }
}
