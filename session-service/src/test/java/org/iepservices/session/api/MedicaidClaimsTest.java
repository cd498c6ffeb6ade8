package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MedicaidClaimsTest {

    private TestWorld world;
    private TestWorld.Student ava;
    private TestWorld.Student liam;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        ava = world.student();
        liam = world.student();
        world.awaitKnown(ava, liam);
        MedicaidSetup.clinicians(world);
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** The provider exports their own claims. */
    private JsonPath claims(TestWorld.Provider provider) {
        return world.as(provider).queryParam("from", "2026-09-14").queryParam("to", "2026-09-18")
                .queryParam("providerId", provider.id()).accept(ContentType.JSON)
                .get("/api/v1/medicaid/claims").then().statusCode(200).extract().jsonPath();
    }

    /** Documented and signed by the log's own provider. */
    private String completed(Map<String, Object> log) {
        TestWorld.Provider provider = world.ot.id().toString().equals(log.get("providerId")) ? world.ot : world.slp;
        String id = createLog(world.as(provider), log);
        world.complete(id, provider).statusCode(200);
        return id;
    }

    @Test
    void aSignedIndividualSessionIsAClaimReadyLine() {
        String id = completed(world.speechLog(ava, "PRESENT", null));
        JsonPath claims = claims(world.slp);
        assertEquals(1, claims.getInt("billableLines"));
        assertEquals(1, claims.getInt("billableUnits"));
        Map<String, Object> line = claims.getMap("lines[0]");
        assertEquals(id, line.get("sessionLogId"));
        assertEquals("2026-09-15", line.get("sessionDate"));
        assertEquals("10:00:00", line.get("startTime"));
        assertEquals("10:30:00", line.get("endTime"));
        assertEquals(ava.id().toString(), line.get("studentId"));
        assertEquals("Johnson", line.get("studentFamilyName"));
        assertEquals(ava.medicaidId(), line.get("medicaidId"));
        assertEquals("F80.0", line.get("diagnosisCode"));
        assertEquals("Dana Whitfield", line.get("providerName"));
        assertEquals("SLP", line.get("discipline"));
        assertEquals("92507", line.get("serviceCode"));
        assertEquals("INDIVIDUAL", line.get("billingFormat"));
        assertEquals("GN", line.get("modifier"));
        assertEquals("UNTIMED", line.get("unitRule"));
        assertEquals(30, line.get("minutes"));
        assertEquals(1, line.get("units"), "92507 is untimed: one unit per session");
        assertEquals("SLP", line.get("renderingDiscipline"));
        assertEquals(MedicaidSetup.SLP_NPI, line.get("npi"));
        assertNull(line.get("supervisingNpi"), "a clinician bills under their own NPI");
        assertEquals("03", line.get("placeOfService"));
        assertEquals(true, line.get("consentOnFile"));
        assertEquals("Dana Whitfield", line.get("signedBy"));
        assertEquals("M.S., CCC-SLP", line.get("signerCredentials"));
        assertNotNull(line.get("signedAt"));
        assertEquals(true, line.get("billable"));
        assertEquals(List.of(), line.get("notBillable"));
    }

    @Test
    void anUntimedSpeechCodeBillsOneUnitWhateverTheLength() {
        completed(log(world.slp, "2026-09-15", "10:00:00", "10:45:00", "PULL_OUT", "INDIVIDUAL",
                line(ava.id(), ava.speech(), "PRESENT", null)));
        completed(log(world.slp, "2026-09-16", "10:00:00", "10:05:00", "PULL_OUT", "INDIVIDUAL",
                line(ava.id(), ava.speech(), "PRESENT", null)));
        JsonPath claims = claims(world.slp);
        assertEquals(List.of(45, 5), claims.getList("lines.minutes"));
        assertEquals(List.of("92507", "92507"), claims.getList("lines.serviceCode"));
        assertEquals(List.of(1, 1), claims.getList("lines.units"), "45 minutes of 92507 = 1 unit, no 8-minute floor");
        assertEquals(List.of(true, true), claims.getList("lines.billable"));
    }

    @Test
    void aTimedCodeFollowsTheEightMinuteRuleAtItsEdges() {
        int[] minutes = {7, 8, 22, 23, 37, 38};
        for (int i = 0; i < minutes.length; i++) {
            String start = String.format("%02d:00:00", 8 + i);
            completed(log(world.ot, "2026-09-16", start, String.format("%02d:40:00", 8 + i), "PUSH_IN",
                    "INDIVIDUAL", line(ava.id(), ava.ot(), "PARTIAL", minutes[i])));
        }
        JsonPath claims = claims(world.ot);
        assertEquals(List.of(7, 8, 22, 23, 37, 38), claims.getList("lines.minutes"));
        assertEquals(List.of("97530", "97530", "97530", "97530", "97530", "97530"), claims.getList("lines.serviceCode"));
        assertEquals(List.of(0, 1, 1, 2, 2, 3), claims.getList("lines.units"), "97530: 38 minutes = 3, 22 = 1");
        assertEquals(List.of(false, true, true, true, true, true), claims.getList("lines.billable"));
        assertEquals(List.of("UNDER_8_MINUTES"), claims.getList("lines[0].notBillable.code"));
        assertEquals(List.of("GO", "GO", "GO", "GO", "GO", "GO"), claims.getList("lines.modifier"));
        assertEquals(9, claims.getInt("billableUnits"));
    }

    @Test
    void a92508GroupThatEndedWithOneStudentPresentIsBilledAs92507() {
        completed(log(world.slp, "2026-09-17", "09:00:00", "09:30:00", "PULL_OUT", "SMALL_GROUP",
                line(ava.id(), ava.speech(), "PRESENT", null), line(liam.id(), liam.speech(), "ABSENT", null)));
        completed(log(world.slp, "2026-09-17", "10:00:00", "10:30:00", "PULL_OUT", "SMALL_GROUP",
                line(ava.id(), ava.speech(), "PRESENT", null), line(liam.id(), liam.speech(), "PARTIAL", 25)));
        JsonPath claims = claims(world.slp);
        assertEquals(3, claims.getList("lines").size(), "the absent student is not a claim line");
        assertEquals("92507", claims.getString("lines[0].serviceCode"));
        assertEquals("INDIVIDUAL", claims.getString("lines[0].billingFormat"));
        assertEquals("SMALL_GROUP", claims.getString("lines[0].sessionFormat"));
        assertTrue(claims.getBoolean("lines[0].regroupedAsIndividual"));
        assertEquals(1, claims.getInt("lines[0].studentsPresent"));
        assertEquals(List.of("92508", "92508"), claims.getList("lines[1..2].serviceCode"));
        assertEquals(List.of(false, false), claims.getList("lines[1..2].regroupedAsIndividual"));
        assertEquals(List.of(1, 1, 1), claims.getList("lines.units"), "both codes are untimed");
    }

    @Test
    void linesThatCannotBeBilledSayWhy() throws Exception {
        TestWorld.Student noProfile = world.student(false);
        world.awaitKnown(noProfile);
        completed(log(world.slp, "2026-09-15", "13:00:00", "13:30:00", "PULL_OUT", "INDIVIDUAL",
                line(noProfile.id(), noProfile.speech(), "PRESENT", null)));
        createLog(world.slp(), world.speechLog(ava, "PRESENT", null)); // a draft: not signed
        JsonPath claims = claims(world.slp);
        assertEquals(0, claims.getInt("billableLines"));
        assertEquals(2, claims.getInt("notBillableLines"));
        assertEquals(List.of("UNSIGNED"), claims.getList("lines[0].notBillable.code"));
        assertEquals(List.of("NO_CONSENT", "MISSING_MEDICAID_ID", "MISSING_DIAGNOSIS"),
                claims.getList("lines[1].notBillable.code"));
        org.hamcrest.MatcherAssert.assertThat(claims.getString("lines[1].notBillable[0].message"), containsString("consent"));
    }

    @Test
    void theExportIsCsvWhenAskedFor() throws Exception {
        completed(world.speechLog(ava, "PRESENT", null));
        completed(log(world.slp, "2026-09-16", "13:00:00", "13:30:00", "PULL_OUT", "INDIVIDUAL",
                line(liam.id(), liam.speech(), "PRESENT", null)));
        MedicaidSetup.npi(world, world.slp, null, null, null).then().statusCode(200);
        String csv = world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18")
                .queryParam("providerId", world.slp.id()).accept("text/csv")
                .get("/api/v1/medicaid/claims").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("medicaid-claims-2026-09-14-2026-09-18.csv"))
                .extract().asString();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(List.of(MedicaidResource.CSV_HEADER), parser.getHeaderNames());
            rows = parser.getRecords();
        }
        assertEquals(2, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals(ava.id().toString(), first.get("student_id"));
        assertEquals(ava.medicaidId(), first.get("medicaid_id"));
        assertEquals("92507", first.get("service_code"));
        assertEquals("1", first.get("units"));
        assertEquals("GN", first.get("modifier"));
        assertEquals("UNTIMED", first.get("unit_rule"));
        assertEquals("03", first.get("place_of_service"));
        assertEquals("F80.0", first.get("diagnosis_code"));
        assertEquals("M.S., CCC-SLP", first.get("signer_credentials"));
        assertEquals("false", first.get("billable"));
        assertEquals("MISSING_NPI", first.get("not_billable_reasons"));
        assertEquals("", first.get("rendering_npi"));
        // format=csv works without an Accept header (a link in a browser)
        world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18").queryParam("format", "csv")
                .queryParam("providerId", world.slp.id()).get("/api/v1/medicaid/claims").then().statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void theServiceCodeTableIsConfigurableAndBadTablesChangeNothing() {
        List<Map<String, Object>> defaults = world.slp().get("/api/v1/medicaid/service-codes").then().statusCode(200)
                .body("codes.find { it.discipline == 'SLP' && it.billingFormat == 'INDIVIDUAL' }.code", is("92507"))
                .body("codes.find { it.discipline == 'SLP' && it.billingFormat == 'GROUP' }.code", is("92508"))
                .body("codes.find { it.discipline == 'OT' && it.billingFormat == 'INDIVIDUAL' }.code", is("97530"))
                .body("codes.find { it.discipline == 'OT' && it.billingFormat == 'GROUP' }.code", is("97150"))
                .body("codes.find { it.discipline == 'PT' && it.billingFormat == 'INDIVIDUAL' }.code", is("97110"))
                .body("codes.find { it.discipline == 'PT' && it.billingFormat == 'GROUP' }.code", is("97150"))
                .extract().jsonPath().getList("codes");
        try {
            world.admin().contentType(ContentType.JSON).body(Map.of("codes", List.of(
                            Map.of("discipline", "SLP", "billingFormat", "INDIVIDUAL", "code", "9250"),
                            Map.of("discipline", "SLP", "billingFormat", "INDIVIDUAL", "code", "92507"))))
                    .put("/api/v1/medicaid/service-codes").then().statusCode(422)
                    .body("violations.field", contains("codes[0].code", "codes[1].billingFormat"));
            world.slp().get("/api/v1/medicaid/service-codes").then().body("codes", hasSize(defaults.size()));

            world.admin().contentType(ContentType.JSON).body(Map.of("codes", List.of(
                            Map.of("discipline", "slp", "billingFormat", "INDIVIDUAL", "code", "T1018",
                                    "description", "School-based individualized health service"))))
                    .put("/api/v1/medicaid/service-codes").then().statusCode(200)
                    .body("codes", hasSize(1)).body("codes[0].discipline", is("SLP"));
            completed(world.speechLog(ava, "PRESENT", null));
            completed(log(world.ot, "2026-09-16", "09:00:00", "09:30:00", "PUSH_IN", "INDIVIDUAL",
                    line(ava.id(), ava.ot(), "PRESENT", null)));
            assertEquals("T1018", claims(world.slp).getString("lines[0].serviceCode"));
            assertEquals(List.of("NO_SERVICE_CODE"), claims(world.ot).getList("lines[0].notBillable.code"));
        } finally {
            world.admin().contentType(ContentType.JSON).body(Map.of("codes", defaults))
                    .put("/api/v1/medicaid/service-codes").then().statusCode(200);
        }
    }

    @Test
    void theDateRangeIsRequiredAndOrdered() {
        world.slp().get("/api/v1/medicaid/claims").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("from", "to"));
        world.slp().queryParam("from", "2026-09-18").queryParam("to", "2026-09-14").get("/api/v1/medicaid/claims")
                .then().statusCode(400).body("violations[0].field", is("to"));
        world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18").queryParam("format", "xml")
                .get("/api/v1/medicaid/claims").then().statusCode(400).body("violations[0].field", is("format"));
    }
}
