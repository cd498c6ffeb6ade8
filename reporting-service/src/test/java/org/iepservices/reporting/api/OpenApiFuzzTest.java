package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.localinfra.OpenApiFuzzer;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.net.URI;

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
        initArgs = @ResourceArg(name = "database", value = "reporting_fuzz"))
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void noHostileInputGetsA5xxAndEveryRefusalIsAProblem() {
        String admin = TokenIssuer.shared().token("fuzzer@test", "district-admin").sign();
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(root, admin).run();
        System.out.println("OpenAPI fuzz of reporting-service: " + report);
        report.assertClean();
    }
}
