package org.iepservices.access;

import io.quarkus.security.ForbiddenException;

/**
 * The rule that a caller's scope never widens for want of a claim. A district admin's scope is the
 * district named in the token; without one, the services' queries have no district condition and
 * would show every district. So such a token is refused, unless the deployment serves a single
 * district ({@code access.single-district=true}), where "the whole deployment" is that district.
 * <p>
 * A school admin without schools and a provider or teacher without a staff record already see
 * nobody ({@link Actor#studentScope()}): their scope narrows, it does not widen, so they pass here.
 */
final class ScopeClaims {

    private ScopeClaims() {
    }

    /** Throws 403 when the actor's roles need a scope claim the token did not carry. */
    static void check(Actor actor, boolean singleDistrict, String districtClaim) {
        if (actor.has(Role.DISTRICT_ADMIN) && actor.districtId() == null && !singleDistrict) {
            throw new MissingScopeClaim("The token names no district (claim " + districtClaim + "): a district "
                    + "admin's access is limited to their district, so this request is refused");
        }
    }

    static MissingScopeClaim unreadable(String claim) {
        return new MissingScopeClaim("The token's claim " + claim + " is not an id of this API, so no scope can be "
                + "read from it and the request is refused");
    }

    /** A refusal (403) for a token whose scope cannot be read; the detail names the claim. */
    static final class MissingScopeClaim extends ForbiddenException {
        MissingScopeClaim(String message) {
            super(message);
        }
    }
}
