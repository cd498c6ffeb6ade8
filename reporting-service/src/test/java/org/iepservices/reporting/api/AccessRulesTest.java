package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.access.Role;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.reporting.testing.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what (README "Access"): every endpoint refuses a missing, expired or foreign token
 * (401) and a role without a legitimate interest in it (403); the allowed roles get past the check
 * (to the view, or to its 404 for ids no event named). Student scope and the audit: StudentScopeTest.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class AccessRulesTest {

    private static final String A = Role.DISTRICT_ADMIN_NAME;
    private static final String S = Role.SCHOOL_ADMIN_NAME;
    private static final String P = Role.PROVIDER_NAME;
    private static final String T = Role.TEACHER_NAME;
    private static final List<String> ROLES = List.of(A, S, P, T, Role.SIS_INTEGRATION_NAME);

    private static final UUID ID = UUID.randomUUID();
    private static final String RANGE = "?from=2026-09-14&to=2026-09-20";

    /** GET paths and the roles allowed on them. */
    private static final Map<String, Set<String>> READS = Map.ofEntries(
            Map.entry("/api/v1/compliance/students/" + ID + RANGE, Set.of(A, S, P)),
            Map.entry("/api/v1/compliance/providers/" + ID, Set.of(A, S, P)),
            Map.entry("/api/v1/compliance/schools/" + ID, Set.of(A, S)),
            Map.entry("/api/v1/compliance/districts/" + ID, Set.of(A)),
            Map.entry("/api/v1/students/" + ID + "/pull-out-cost", Set.of(A, S, P)),
            Map.entry("/api/v1/students/" + ID + "/makeup-ledger", Set.of(A, S, P)),
            Map.entry("/api/v1/delivered-minutes/students/" + ID, Set.of(A, S, P)),
            Map.entry("/api/v1/students/" + ID + "/goals/progress", Set.of(A, S, P)),
            Map.entry("/api/v1/students/" + ID + "/goals/" + ID + "/progress", Set.of(A, S, P)),
            Map.entry("/api/v1/students/" + ID + "/goals/" + ID + "/progress/chart.svg", Set.of(A, S, P)),
            Map.entry("/api/v1/students/" + ID + "/progress-summary" + RANGE, Set.of(A, S, P)),
            Map.entry("/api/v1/teachers/" + ID + "/push-in", Set.of(A, S, T)),
            Map.entry("/api/v1/providers/" + ID + "/caseload-report" + RANGE, Set.of(A, S, P)),
            Map.entry("/api/v1/admin/rebuild", Set.of(A)),
            Map.entry("/api/v1/audit/access", Set.of(A)));

    @Test
    void everyEndpointNeedsAValidToken() {
        String expired = TokenIssuer.shared().token("admin", A)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)).sign();
        String foreign = TokenIssuer.generate().token("admin", A).sign();
        List<String> wrong = new ArrayList<>();
        for (String path : READS.keySet()) {
            check(wrong, path + " without a token", 401, Caller.anonymous().get(path).statusCode());
            check(wrong, path + " expired", 401, Caller.anonymous().auth().oauth2(expired).get(path).statusCode());
            check(wrong, path + " foreign key", 401, Caller.anonymous().auth().oauth2(foreign).get(path).statusCode());
        }
        check(wrong, "POST rebuild without a token", 401,
                Caller.anonymous().post("/api/v1/admin/rebuild").statusCode());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void eachRoleReadsWhatItHasAnInterestInAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : READS.entrySet()) {
            for (String role : ROLES) {
                int status = Caller.as(role).get(e.getKey()).statusCode();
                if (e.getValue().contains(role)) {
                    if (status == 401 || status == 403 || status >= 500) {
                        wrong.add(role + " GET " + e.getKey() + ": " + status + ", expected it allowed");
                    }
                } else {
                    check(wrong, role + " GET " + e.getKey(), 403, status);
                }
            }
        }
        for (String role : List.of(S, P, T, Role.SIS_INTEGRATION_NAME)) {
            check(wrong, role + " POST rebuild", 403, Caller.as(role).post("/api/v1/admin/rebuild").statusCode());
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void check(List<String> wrong, String what, int expected, int actual) {
        if (expected != actual) {
            wrong.add(what + ": " + actual + ", expected " + expected);
        }
    }
}
