package org.iepservices.session.api;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Billing identities for a test world's providers, set the way a district admin sets them. */
final class MedicaidSetup {

    /** Valid NPIs (Luhn check digit over 80840 + the first nine digits). */
    static final String SLP_NPI = "1234567893";
    static final String OT_NPI = "1245319599";
    static final String SLPA_NPI = "1122334455";

    private MedicaidSetup() {
    }

    /** The world's SLP and OT with their NPIs, billing as their rostered discipline. */
    static void clinicians(TestWorld world) {
        npi(world, world.slp, SLP_NPI, null, null).then().statusCode(200);
        npi(world, world.ot, OT_NPI, null, null).then().statusCode(200);
    }

    static io.restassured.response.Response npi(TestWorld world, TestWorld.Provider provider, String npi,
                                                String billingDiscipline, UUID supervisor) {
        Map<String, Object> body = new HashMap<>();
        body.put("npi", npi);
        body.put("billingDiscipline", billingDiscipline);
        body.put("supervisorId", supervisor == null ? null : supervisor.toString());
        return world.admin().contentType(ContentType.JSON).body(body)
                .put("/api/v1/medicaid/providers/" + provider.id());
    }
}
