package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.*;

/** An applied import announces itself on roster.events (RosterImportCompleted: counts, source, district); a dry run does not. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterImportCompletedTest {

    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    private static final String USERS = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
    private static final String MODIFIED = "2026-09-01T12:00:00Z";

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAppliedImportIsAnnouncedOncePerDistrictAndADryRunIsNot() throws Exception {
        RosterZip zip = RosterZip.v11()
                .file("orgs", "delta", ORGS,
                        "dist-" + s + ",active," + MODIFIED + ",Hook County Schools,district,,",
                        "sch-" + s + ",active," + MODIFIED + ",Hook Elementary,school,,dist-" + s)
                .file("users", "delta", USERS,
                        "stu-" + s + ",active," + MODIFIED + ",true,sch-" + s + ",student,h." + s + ",,Hana,Hook,,,,,,,03,");
        try (RosterEventLog log = new RosterEventLog()) {
            given().contentType("application/zip").body(zip.bytes()).queryParam("dryRun", true)
                    .queryParam("source", "sis-" + s).post("/api/v1/roster/imports").then().statusCode(201)
                    .body("outcome", is("VALIDATED"));
            assertEquals(List.of(), RosterEventLog.of(log.sinceLastLook(), "RosterImportCompleted", d -> true),
                    "a dry run announces nothing");

            JsonPath report = given().contentType("application/zip").body(zip.bytes()).queryParam("source", "sis-" + s)
                    .post("/api/v1/roster/imports").then().statusCode(201).body("outcome", is("APPLIED"))
                    .extract().jsonPath();
            List<RosterEventLog.Event> completed = RosterEventLog.of(log.sinceLastLook(), "RosterImportCompleted",
                    d -> d.path("importId").asText().equals(report.getString("id")));
            assertEquals(1, completed.size(), completed.toString());
            var data = completed.get(0).data();
            assertEquals(report.getString("id"), completed.get(0).subject());
            assertEquals("sis-" + s, data.path("source").asText());
            assertEquals("APPLIED", data.path("outcome").asText());
            assertEquals(3, data.path("rows").asLong());
            assertEquals(3, data.path("inserted").asLong());
            assertEquals(0, data.path("rejected").asLong());
            List<Map<String, Object>> schools = given().queryParam("limit", 500).get("/api/v1/schools").then()
                    .extract().jsonPath().getList("$");
            Object district = schools.stream().filter(x -> ("sch-" + s).equals(x.get("sourcedId")))
                    .map(x -> x.get("districtId")).findFirst().orElseThrow();
            assertNotNull(district);
            assertEquals(district, data.path("districtId").asText());
        }
    }
}
