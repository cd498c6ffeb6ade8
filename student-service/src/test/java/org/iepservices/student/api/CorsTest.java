package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.nullValue;

/**
 * CORS is off unless a deployment turns it on (quarkus.http.cors.enabled and .origins): a browser on another origin gets no
 * CORS headers, so it may not read the answers. {@link CorsEnabledTest} is the same service with CORS on.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class CorsTest {

    static final String APP_ORIGIN = "https://app.district.example";

    @Test
    void aPreflightGetsNoCorsHeadersByDefault() {
        RestAssured.given()
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/students")
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void aCallFromAnotherOriginGetsNoAllowOriginByDefault() {
        Tokens.given().header("Origin", APP_ORIGIN)
                .get("/api/v1/students")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
