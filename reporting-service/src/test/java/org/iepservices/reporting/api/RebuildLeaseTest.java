package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.projection.ProjectionRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.testing.Caller.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Rebuilds across replicas sharing one database: a rebuild row held by another instance with a
 * live lease is left alone by this instance's startup logic (and blocks a second rebuild, 409);
 * once its lease expired, the same startup logic fails it and drops its half-built copies. The
 * other instance is simulated by its rows and its copies in the database, as it would leave them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class RebuildLeaseTest {

    private static final String OTHER = "reporting-other-pod/" + UUID.randomUUID();

    @Inject
    ProjectionRebuilder rebuilder;

    private final UUID otherRebuild = UUID.randomUUID();

    private static Connection db() throws Exception {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(), infra.password());
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static boolean copiesExist() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.schemata"
                     + " where schema_name = 'rebuild'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        execute("update projection_rebuild set status = 'FAILED', finished_at = now() where rebuild_id = '"
                + otherRebuild + "' and status in ('QUEUED', 'RUNNING')");
    }

    @Test
    void aStartingInstanceLeavesALiveRebuildAloneAndCleansUpOneWhoseLeaseExpired() throws Exception {
        assertNotEquals(OTHER, rebuilder.instanceId());
        // Another instance is replaying: its row with a fresh lease, its copies half built.
        execute("drop schema if exists rebuild cascade");
        execute("create schema rebuild");
        execute("create table rebuild.compliance_period (like public.compliance_period including all)");
        execute("insert into projection_rebuild (rebuild_id, status, projections, requested_at, started_at,"
                + " owner_instance, heartbeat_at, lease_until) values ('" + otherRebuild + "', 'RUNNING',"
                + " 'compliance,progress', now(), now(), '" + OTHER + "', now(), now() + interval '5 minutes')");

        // This instance starts (its startup logic): nothing of the live rebuild is touched.
        assertEquals(List.of(), rebuilder.recoverAbandoned());
        assertTrue(copiesExist(), "the running rebuild's copies are kept");
        given().get("/api/v1/admin/rebuild/" + otherRebuild).then().statusCode(200)
                .body("status", is("RUNNING")).body("ownerInstance", is(OTHER)).body("error", nullValue());
        // Only one rebuild at a time across instances.
        given().post("/api/v1/admin/rebuild").then().statusCode(409).contentType("application/problem+json");

        // The other instance dies: no more heartbeats, the lease runs out.
        execute("update projection_rebuild set heartbeat_at = now() - interval '2 minutes',"
                + " lease_until = now() - interval '1 second' where rebuild_id = '" + otherRebuild + "'");
        assertEquals(List.of(otherRebuild), rebuilder.recoverAbandoned());
        assertFalse(copiesExist(), "the dead rebuild's copies are dropped");
        given().get("/api/v1/admin/rebuild/" + otherRebuild).then().statusCode(200)
                .body("status", is("FAILED")).body("error", containsString(OTHER))
                .body("error", containsString("lease"));

        // A new rebuild may start now, leased by this instance and renewed while it runs.
        String location = given().queryParam("projections", "progress").post("/api/v1/admin/rebuild").then()
                .statusCode(202).body("ownerInstance", is(rebuilder.instanceId()))
                .body("leaseUntil", notNullValue()).extract().header("Location");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("status", is("DONE")));
        // Done: the startup logic has nothing to fail.
        assertEquals(List.of(), rebuilder.recoverAbandoned());
        given().get(location).then().body("status", is("DONE"));
    }
}
