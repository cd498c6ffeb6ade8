package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.iepservices.localinfra.OpenApiFuzzer;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Hostile input against every operation of this service's OpenAPI document (local-infra's
 * {@link OpenApiFuzzer}): malformed ids, query values and bodies as a district admin, and each
 * operation once without a token. No 5xx, and every refusal is problem+json.
 * <p>
 * Its own database ({@code _fuzz}): a fuzzed body may still be valid (Jackson reads 12 as the text
 * "12", null leaves an optional field out), and what it creates must not show up in the lists and
 * counts of the other tests.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student_fuzz"))
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void noHostileInputGetsA5xxAndEveryRefusalIsAProblem() {
        String admin = TokenIssuer.shared().token("fuzzer@test", "district-admin").sign();
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(root, admin).run();
        System.out.println("OpenAPI fuzz of student-service: " + report);
        report.assertClean();
    }

    /** Issue 14: this was a plain-text 500 (the mapper built a URI from the decoded path). */
    @Test
    void anEncodedSpaceOrQuoteInAnIdIsAProblemNamingThePathAsSent() {
        String admin = TokenIssuer.shared().token("fuzzer@test", "district-admin").sign();
        for (String id : new String[]{"a%20b", "%22x%22", "caf%C3%A9"}) {
            RestAssured.given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/classes/" + id).then()
                    .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                    .contentType("application/problem+json")
                    .body("instance", is("/api/v1/classes/" + id));
        }
    }
}
