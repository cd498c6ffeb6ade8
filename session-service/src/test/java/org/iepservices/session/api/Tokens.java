package org.iepservices.session.api;

import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.localinfra.TokenIssuer;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Bearer tokens for the tests, signed by local-infra's shared issuer, the one the service under test
 * trusts. Every request of every test says explicitly whose token it carries.
 */
final class Tokens {

    private Tokens() {
    }

    static String provider(UUID staffId) {
        return TokenIssuer.shared().token("provider-" + staffId, Role.PROVIDER_NAME)
                .staffId(staffId).name("Provider " + staffId).sign();
    }

    static String teacher(UUID staffId) {
        return TokenIssuer.shared().token("teacher-" + staffId, Role.TEACHER_NAME)
                .staffId(staffId).sign();
    }

    static String schoolAdmin(UUID... schools) {
        return TokenIssuer.shared().token("school-admin-" + UUID.randomUUID(), Role.SCHOOL_ADMIN_NAME)
                .schoolIds(Arrays.asList(schools)).sign();
    }

    static String districtAdmin(UUID district) {
        return TokenIssuer.shared().token("district-admin-" + district, Role.DISTRICT_ADMIN_NAME)
                .districtId(district).name("District admin").sign();
    }

    /** A district admin of a single-district deployment: the token names no district. */
    static String districtAdminWithoutDistrict() {
        return TokenIssuer.shared().token("district-admin", Role.DISTRICT_ADMIN_NAME).sign();
    }

    static String sis() {
        return TokenIssuer.shared().token("sis-sync", Role.SIS_INTEGRATION_NAME).sign();
    }

    /** A token with several roles, e.g. a lead SLP who is also a district admin. */
    static String withRoles(String subject, UUID staffId, UUID district, String... roles) {
        TokenIssuer.Builder builder = TokenIssuer.shared().token(subject, roles[0]).claim("groups", List.of(roles));
        if (staffId != null) {
            builder.staffId(staffId);
        }
        if (district != null) {
            builder.districtId(district);
        }
        return builder.sign();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
