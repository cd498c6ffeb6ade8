package org.iepservices.reporting.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.localinfra.TokenIssuer;

/**
 * HTTP calls as a signed-in user: a bearer token from local-infra's {@link TokenIssuer} (the key
 * the service under test trusts). {@link #given()} is a district administrator, who may read every
 * reporting view, so the behaviour tests state their caller explicitly without repeating it.
 */
public final class Caller {

    private Caller() {
    }

    /** As a district administrator. */
    public static RequestSpecification given() {
        return as(Role.DISTRICT_ADMIN_NAME);
    }

    public static RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(TokenIssuer.shared().token("test-" + role, role).sign());
    }

    /** Without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
