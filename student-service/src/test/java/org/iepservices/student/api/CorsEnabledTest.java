package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A deployment that lets its front end call the API from another origin (QUARKUS_HTTP_CORS_ENABLED and
 * QUARKUS_HTTP_CORS_ORIGINS in its environment; runtime settings, so the same build serves both).
 */
@QuarkusTest
@TestProfile(CorsEnabledTest.FrontEndOrigin.class)
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class CorsEnabledTest {

    /** The deployment's environment: one front-end origin allowed. */
    public static class FrontEndOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", CorsTest.APP_ORIGIN);
        }
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnswered() {
        RestAssured.given()
                .header("Origin", CorsTest.APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/students")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CorsTest.APP_ORIGIN))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void theAnswerToTheAllowedOriginCarriesTheAllowOriginHeader() {
        Tokens.given().header("Origin", CorsTest.APP_ORIGIN)
                .get("/api/v1/students")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CorsTest.APP_ORIGIN));
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        RestAssured.given()
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/students")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
