package org.iepservices.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller is to the district, as the identity provider says in the token's roles claim
 * (MP-JWT {@code groups}). Each role has a different legitimate educational interest (FERPA).
 */
public enum Role {
    /** Everything in the district. */
    DISTRICT_ADMIN("district-admin"),
    /** Students and staff of their schools (token claim {@code school_ids}). */
    SCHOOL_ADMIN("school-admin"),
    /** Students on their caseload: their own session logs, the IEPs of those students. */
    PROVIDER("provider"),
    /** Students enrolled in their classes: push-in schedules and debrief notes, nothing clinical. */
    TEACHER("teacher"),
    /** The SIS: roster import and push only, no IEP or session reads. */
    SIS_INTEGRATION("sis-integration");

    /** Role names as they appear in tokens and in {@code @RolesAllowed}. */
    public static final String DISTRICT_ADMIN_NAME = "district-admin";
    public static final String SCHOOL_ADMIN_NAME = "school-admin";
    public static final String PROVIDER_NAME = "provider";
    public static final String TEACHER_NAME = "teacher";
    public static final String SIS_INTEGRATION_NAME = "sis-integration";

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
