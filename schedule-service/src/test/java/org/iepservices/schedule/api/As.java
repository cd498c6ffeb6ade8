package org.iepservices.schedule.api;

import io.restassured.specification.RequestSpecification;
import org.iepservices.localinfra.TokenIssuer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Requests with a bearer token of the test identity provider ({@link TokenIssuer#shared()}, which the
 * service under test trusts), one method per kind of caller. Every test says who calls.
 */
public final class As {

    private static String admin;

    private As() {
    }

    /** A district admin of a single-district deployment (no district claim): every student. */
    public static RequestSpecification admin() {
        if (admin == null) {
            admin = TokenIssuer.shared().token("district-admin@test", "district-admin").sign();
        }
        return bearer(admin);
    }

    public static RequestSpecification districtAdmin(UUID district) {
        return bearer(TokenIssuer.shared().token("district-admin-" + district, "district-admin")
                .districtId(district).sign());
    }

    public static RequestSpecification schoolAdmin(UUID... schools) {
        return bearer(TokenIssuer.shared().token("school-admin-" + schools[0], "school-admin")
                .schoolIds(Arrays.asList(schools)).sign());
    }

    /** A provider whose staff id is the token subject. */
    public static RequestSpecification provider(UUID staffId) {
        return bearer(staffToken(staffId, "provider"));
    }

    public static RequestSpecification teacher(UUID staffId) {
        return bearer(staffToken(staffId, "teacher"));
    }

    public static RequestSpecification sis() {
        return bearer(TokenIssuer.shared().token("sis@test", "sis-integration").sign());
    }

    static String staffToken(UUID staffId, String role) {
        return TokenIssuer.shared().token(role + "-" + staffId, role).staffId(staffId).sign();
    }

    /** A district admin token that expired an hour ago. */
    static String expired() {
        return TokenIssuer.shared().token("district-admin@test", "district-admin")
                .issuedAt(Instant.now().minus(Duration.ofHours(9)), Duration.ofHours(8)).sign();
    }

    /** A district admin token signed by a key the service does not trust. */
    static String foreign() {
        return TokenIssuer.generate().token("district-admin@test", "district-admin").sign();
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    static List<String> roles() {
        return List.of("district-admin", "school-admin", "provider", "teacher", "sis-integration");
    }
}
