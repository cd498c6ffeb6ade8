package org.iepservices.student.api;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.iepservices.localinfra.TokenIssuer;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens of the test JVM's stand-in identity provider ({@link TokenIssuer#shared()}, the key the
 * service under test trusts), and REST Assured requests that carry one. Tests about something else
 * than access call as a district admin of a single-district deployment (no district claim: every
 * student), which is the widest legitimate access.
 */
final class Tokens {

    private Tokens() {
    }

    /** A request as a district admin, the stand-in for the tests' unauthenticated {@code given()} of before. */
    static RequestSpecification given() {
        return as(districtAdmin());
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    static String districtAdmin() {
        return TokenIssuer.shared().token("district-admin@example.org", "district-admin").sign();
    }

    static String districtAdmin(String districtId) {
        return TokenIssuer.shared().token("da-" + districtId + "@example.org", "district-admin")
                .districtId(districtId).sign();
    }

    static String schoolAdmin(Collection<String> schoolIds) {
        return TokenIssuer.shared().token("principal-" + UUID.randomUUID() + "@example.org", "school-admin")
                .schoolIds(List.copyOf(schoolIds)).sign();
    }

    /** A provider or teacher: the subject is an email, the staff record comes in staff_id. */
    static String staff(String role, String staffId) {
        return TokenIssuer.shared().token(role + "-" + staffId + "@example.org", role).staffId(staffId).sign();
    }

    static String sis() {
        return TokenIssuer.shared().token("sis-sync", "sis-integration").sign();
    }
}
