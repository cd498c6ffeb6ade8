package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Medicaid by code (issue 13) through the API: each district's service-code table, units by each
 * code's rule, assistants billing under their supervisor's NPI, and claim batches that are never
 * rewritten (corrections come as void + replacement lines in the next batch).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MedicaidByCodeTest {

    private static final String BATCHES = "/api/v1/medicaid/claim-batches";

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

    private String codes() {
        return "/api/v1/districts/" + world.district + "/medicaid/service-codes";
    }

    private JsonPath claims(TestWorld.Provider provider) {
        return world.as(provider).queryParam("from", "2026-09-14").queryParam("to", "2026-09-18")
                .queryParam("providerId", provider.id()).accept(ContentType.JSON)
                .get("/api/v1/medicaid/claims").then().statusCode(200).extract().jsonPath();
    }

    private String completed(TestWorld.Provider provider, Map<String, Object> log) {
        String id = createLog(world.as(provider), log);
        world.complete(id, provider).statusCode(200);
        return id;
    }

    private static Map<String, Object> code(String code, String discipline, String format, String unitRule,
                                            List<String> billableBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("discipline", discipline);
        body.put("billingFormat", format);
        body.put("unitRule", unitRule);
        body.put("billableBy", billableBy);
        return body;
    }

    @Test
    void aDistrictKeepsItsOwnServiceCodeTable() {
        JsonPath defaults = world.admin().get(codes()).then().statusCode(200)
                .body("defaults", is(true))
                .body("codes", hasSize(6))
                .body("codes.find { it.code == '92507' }.unitRule", is("UNTIMED"))
                .body("codes.find { it.code == '92507' }.modifier", is("GN"))
                .body("codes.find { it.code == '92507' }.pairedCode", is("92508"))
                .body("codes.find { it.code == '92507' }.billableBy", contains("SLP", "SLPA"))
                .body("codes.find { it.code == '92508' }.unitRule", is("UNTIMED"))
                .body("codes.find { it.code == '92508' }.pairedCode", is("92507"))
                .body("codes.find { it.code == '97530' }.unitRule", is("TIMED_15"))
                .body("codes.find { it.code == '97530' }.modifier", is("GO"))
                .body("codes.find { it.code == '97110' }.modifier", is("GP"))
                .extract().jsonPath();
        String speechId = defaults.getString("codes.find { it.code == '92507' }.id");

        // bad input is a problem+json 4xx and changes nothing
        post(world.admin(), codes(), code("9252", "SLP", "INDIVIDUAL", "UNTIMED", List.of("SLP"))).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", contains("code", "billingFormat"));
        Map<String, Object> ownPair = code("92526", "SLP", "GROUP", "UNTIMED", List.of("SLP"));
        ownPair.put("pairedCode", "92508");
        post(world.admin(), codes(), ownPair).statusCode(422).body("violations.field", hasItems("pairedCode"));
        post(world.admin(), codes(), code("T1018", "COUNSELOR", "INDIVIDUAL", null, List.of("COUNSELOR")))
                .statusCode(400).body("violations.field", hasItem(containsString("unitRule")));
        post(world.admin(), codes(), code("T1018", "COUNSELOR", "INDIVIDUAL", "TIMED_15", List.of())).statusCode(400);
        world.admin().get(codes()).then().body("defaults", is(true)).body("codes", hasSize(6));

        // another district's admin neither reads nor writes it
        Tokens.as(Tokens.districtAdmin(UUID.randomUUID())).get(codes()).then().statusCode(403);
        post(Tokens.as(Tokens.districtAdmin(UUID.randomUUID())), codes(),
                code("T1018", "COUNSELOR", "INDIVIDUAL", "TIMED_15", List.of("COUNSELOR"))).statusCode(403);
        world.slp().get(codes()).then().statusCode(403);

        // the first change copies the defaults into the district's own table
        Map<String, Object> onlyClinicians = code("92507", "SLP", "INDIVIDUAL", "UNTIMED", List.of("SLP"));
        onlyClinicians.put("pairedCode", "92508");
        world.admin().contentType(ContentType.JSON).body(onlyClinicians).put(codes() + "/" + speechId).then()
                .statusCode(200).body("billableBy", contains("SLP")).body("modifier", is("GN"));
        world.admin().get(codes()).then().body("defaults", is(false)).body("codes", hasSize(6))
                .body("codes.find { it.code == '92507' }.billableBy", contains("SLP"));

        String counseling = post(world.admin(), codes(),
                code("T1018", "counselor", "INDIVIDUAL", "TIMED_15", List.of("counselor"))).statusCode(201)
                .header("Location", containsString("/medicaid/service-codes/"))
                .body("discipline", is("COUNSELOR")).body("modifier", nullValue())
                .extract().path("id");
        world.admin().get(codes() + "/" + counseling).then().statusCode(200).body("code", is("T1018"));
        world.admin().delete(codes() + "/" + counseling).then().statusCode(204);
        world.admin().get(codes() + "/" + counseling).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        // the defaults (and so every other district) are untouched
        world.slp().get("/api/v1/medicaid/service-codes").then().statusCode(200)
                .body("codes.find { it.code == '92507' }.billableBy", contains("SLP", "SLPA"));
    }

    @Test
    void anSlpaLineCarriesTheSupervisingSlpsNpiAndADisciplineNotAllowedIsNotBilled() throws Exception {
        TestWorld.Provider slpa = world.staff("SLP", "SLPA", "Sam", "Rivera");
        TestWorld.Student mia = world.student(world.school, slpa, true);
        world.awaitKnown(mia);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.admin().get("/api/v1/providers/" + slpa.id()).then().statusCode(200));

        MedicaidSetup.npi(world, slpa, MedicaidSetup.SLPA_NPI, "SLPA", null).then().statusCode(422)
                .body("violations.field", contains("supervisorId"));
        MedicaidSetup.npi(world, slpa, "1234567890", "SLPA", world.slp.id()).then().statusCode(422)
                .body("violations.field", contains("npi"));
        world.slp().get("/api/v1/medicaid/providers/" + slpa.id()).then().statusCode(403);
        MedicaidSetup.npi(world, slpa, MedicaidSetup.SLPA_NPI, "slpa", world.slp.id()).then().statusCode(200)
                .body("billingDiscipline", is("SLPA")).body("assistant", is(true))
                .body("supervisorName", is("Dana Whitfield")).body("supervisorNpi", is(MedicaidSetup.SLP_NPI));

        completed(slpa, log(slpa, "2026-09-15", "11:00:00", "11:30:00", "PULL_OUT", "INDIVIDUAL",
                line(mia.id(), mia.speech(), "PRESENT", null)));
        JsonPath claims = claims(slpa);
        assertEquals("92507", claims.getString("lines[0].serviceCode"));
        assertEquals("SLPA", claims.getString("lines[0].renderingDiscipline"));
        assertEquals(MedicaidSetup.SLPA_NPI, claims.getString("lines[0].npi"));
        assertEquals(world.slp.id().toString(), claims.getString("lines[0].supervisingProviderId"));
        assertEquals("Dana Whitfield", claims.getString("lines[0].supervisingProviderName"));
        assertEquals(MedicaidSetup.SLP_NPI, claims.getString("lines[0].supervisingNpi"));
        assertTrue(claims.getBoolean("lines[0].billable"));

        // the supervisor's NPI removed: the assistant's line waits for it
        MedicaidSetup.npi(world, world.slp, null, null, null).then().statusCode(200);
        assertEquals(List.of("MISSING_SUPERVISOR"), claims(slpa).getList("lines[0].notBillable.code"));
        MedicaidSetup.clinicians(world);

        // the district lets only clinicians bill 92507: the assistant's line says why it is not billed
        String speechId = world.admin().get(codes()).then().extract().path("codes.find { it.code == '92507' }.id");
        Map<String, Object> onlyClinicians = code("92507", "SLP", "INDIVIDUAL", "UNTIMED", List.of("SLP"));
        world.admin().contentType(ContentType.JSON).body(onlyClinicians).put(codes() + "/" + speechId).then()
                .statusCode(200);
        JsonPath refused = claims(slpa);
        assertFalse(refused.getBoolean("lines[0].billable"));
        assertEquals(List.of("DISCIPLINE_NOT_ALLOWED"), refused.getList("lines[0].notBillable.code"));
        assertEquals("SLPA may not bill 92507 (billable by SLP)", refused.getString("lines[0].notBillable[0].message"));
    }

    @Test
    void batchesAreExportedOnceAndCorrectionsComeAsVoidAndReplacementInTheNextBatch() throws Exception {
        // a family name that a spreadsheet would run as a formula
        world.events.send(StudentUpserted.TYPE, liam.id(), new StudentUpserted(liam.id(), "stu-" + liam.id(), "Liam",
                "=HYPERLINK(\"http://evil.example\")", "3", world.school, "active"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.admin().get("/api/v1/students/" + liam.id())
                .then().statusCode(200).body("familyName", startsWith("=HYPERLINK")));
        String otLog = completed(world.ot, log(world.ot, "2026-09-16", "09:00:00", "09:38:00", "PUSH_IN", "INDIVIDUAL",
                line(ava.id(), ava.ot(), "PRESENT", null)));
        completed(world.slp, log(world.slp, "2026-09-15", "10:00:00", "10:45:00", "PULL_OUT", "INDIVIDUAL",
                line(liam.id(), liam.speech(), "PRESENT", null)));
        createLog(world.slp(), world.speechLog(ava, "PRESENT", null)); // a draft: not claimable, not exported

        Map<String, Object> period = Map.of("from", "2026-09-14", "to", "2026-09-18");
        post(world.slp(), BATCHES, period).statusCode(403);
        post(world.admin(), BATCHES, Map.of("from", "2026-09-18", "to", "2026-09-14")).statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", is("to"));
        post(world.admin(), BATCHES, Map.of("from", "2026-09-14")).statusCode(400);

        JsonPath first = post(world.admin(), BATCHES, period).statusCode(201)
                .header("Location", containsString(BATCHES + "/"))
                .body("state", is("EXPORTED"))
                .body("lineCount", is(2)).body("originalLines", is(2)).body("voidLines", is(0))
                .extract().jsonPath();
        String firstId = first.getString("id");
        assertEquals(List.of("ORIGINAL", "ORIGINAL"), first.getList("lines.kind"));
        assertEquals(List.of("2026-09-15", "2026-09-16"), first.getList("lines.claim.serviceDate"));
        assertEquals(List.of("92507", "97530"), first.getList("lines.claim.serviceCode"));
        assertEquals(List.of(1, 3), first.getList("lines.claim.units"), "92507 45 min = 1; 97530 38 min = 3");
        String exportedOtLine = first.getString("lines[1].claimLineId");

        byte[] file = world.admin().get(BATCHES + "/" + firstId + "/file").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("medicaid-claims-2026-09-14-2026-09-18"))
                .extract().asByteArray();
        byte[] again = world.admin().get(BATCHES + "/" + firstId + "/file").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(file, again, "re-downloading a batch gives the same bytes");
        List<CSVRecord> rows = csv(file);
        assertEquals(2, rows.size());
        assertEquals("'=HYPERLINK(\"http://evil.example\")", rows.get(0).get("student_last_name"),
                "a cell starting with = is neutralised");
        assertEquals("ORIGINAL", rows.get(1).get("line_type"));
        assertEquals("3", rows.get(1).get("units"));
        assertEquals(MedicaidSetup.OT_NPI, rows.get(1).get("rendering_npi"));
        assertEquals("GO", rows.get(1).get("modifier"));

        // nothing new: no empty batch
        post(world.admin(), BATCHES, period).statusCode(422).contentType(startsWith("application/problem+json"));

        // an addendum after export: the exported line is voided and replaced in the next batch
        post(world.as(world.ot), "/api/v1/session-logs/" + otLog + "/addenda", Map.of("reason",
                "Student left at 09:22 for the nurse", "students", List.of(Map.of("studentId", ava.id().toString(),
                        "attendance", "PARTIAL", "minutes", 22)))).statusCode(201);
        JsonPath second = post(world.admin(), BATCHES, Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .statusCode(201).body("lineCount", is(2)).extract().jsonPath();
        assertEquals(List.of("VOID", "REPLACEMENT"), second.getList("lines.kind"));
        assertEquals(List.of(exportedOtLine, exportedOtLine), second.getList("lines.replacesClaimLineId"));
        assertEquals(List.of(3, 1), second.getList("lines.claim.units"), "void repeats what was billed");
        assertEquals(List.of(38, 22), second.getList("lines.claim.minutes"));
        List<CSVRecord> corrections = csv(world.admin().get(BATCHES + "/" + second.getString("id") + "/file")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("VOID", "REPLACEMENT"), corrections.stream().map(r -> r.get("line_type")).toList());
        assertEquals(exportedOtLine, corrections.get(0).get("replaces_claim_line_id"));

        // the first batch is as it was
        assertArrayEquals(file, world.admin().get(BATCHES + "/" + firstId + "/file").then().statusCode(200)
                .extract().asByteArray());
        world.admin().get(BATCHES + "/" + firstId).then().statusCode(200)
                .body("lines.kind", contains("ORIGINAL", "ORIGINAL")).body("lines.claim.units", contains(1, 3));

        // a note-only addendum changes nothing billed: no correction
        post(world.as(world.ot), "/api/v1/session-logs/" + otLog + "/addenda", Map.of("reason", "Typo in note",
                "students", List.of(Map.of("studentId", ava.id().toString(), "progressNote", "Fine motor: 4/5"))))
                .statusCode(201);
        post(world.admin(), BATCHES, period).statusCode(422);

        world.admin().get(BATCHES).then().statusCode(200).body("id", contains(firstId, second.getString("id")));
        Tokens.as(Tokens.districtAdmin(UUID.randomUUID())).get(BATCHES + "/" + firstId).then().statusCode(404);
        Tokens.as(Tokens.districtAdmin(UUID.randomUUID())).get(BATCHES + "/" + firstId + "/file").then()
                .statusCode(404);
    }

    @Test
    void onlyDistrictAdminsConfigureCodesAndBillingIdentitiesAndExportBatches() {
        Map<String, Object> npi = Map.of("npi", MedicaidSetup.SLP_NPI);
        Map<String, Object> period = Map.of("from", "2026-09-14", "to", "2026-09-18");
        for (String token : List.of(Tokens.provider(world.slp.id()), Tokens.teacher(world.teacher.id()),
                Tokens.schoolAdmin(world.school), Tokens.sis())) {
            Tokens.as(token).get(codes()).then().statusCode(403).contentType(startsWith("application/problem+json"));
            post(Tokens.as(token), codes(), code("T1018", "COUNSELOR", "INDIVIDUAL", "TIMED_15",
                    List.of("COUNSELOR"))).statusCode(403);
            Tokens.as(token).contentType(ContentType.JSON).body(npi).put("/api/v1/medicaid/providers/" + world.ot.id())
                    .then().statusCode(403);
            post(Tokens.as(token), BATCHES, period).statusCode(403);
            Tokens.as(token).get(BATCHES).then().statusCode(403);
        }
        world.admin().get(BATCHES).then().statusCode(200).body("$", hasSize(0));
        world.admin().get("/api/v1/medicaid/providers/" + world.ot.id()).then().statusCode(200)
                .body("npi", is(MedicaidSetup.OT_NPI));
        world.as(world.ot).get("/api/v1/medicaid/providers/" + world.ot.id()).then().statusCode(200);
        world.admin().get("/api/v1/medicaid/providers/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static List<CSVRecord> csv(byte[] file) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }
}
