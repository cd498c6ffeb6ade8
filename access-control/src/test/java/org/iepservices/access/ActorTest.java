package org.iepservices.access;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ActorTest {

    private final UUID staff = UUID.randomUUID();
    private final UUID district = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();

    private Actor actor(Set<Role> roles, UUID staffId) {
        return new Actor("user-1", null, roles, staffId, district, Set.of(school));
    }

    @Test
    void eachRoleGetsItsOwnScope() {
        assertEquals(new StudentScope.District(district), actor(Set.of(Role.DISTRICT_ADMIN), null).studentScope());
        assertEquals(new StudentScope.Schools(Set.of(school)), actor(Set.of(Role.SCHOOL_ADMIN), null).studentScope());
        assertEquals(new StudentScope.Caseload(staff), actor(Set.of(Role.PROVIDER), staff).studentScope());
        assertEquals(new StudentScope.TaughtBy(staff), actor(Set.of(Role.TEACHER), staff).studentScope());
        assertEquals(new StudentScope.Nobody(), actor(Set.of(Role.SIS_INTEGRATION), null).studentScope());
        assertEquals(new StudentScope.Nobody(), actor(Set.of(), staff).studentScope());
    }

    @Test
    void aProviderOrTeacherWithoutStaffIdSeesNobodyNotEverybody() {
        assertEquals(new StudentScope.Nobody(), actor(Set.of(Role.PROVIDER), null).studentScope());
        assertEquals(new StudentScope.Nobody(), actor(Set.of(Role.TEACHER), null).studentScope());
    }

    @Test
    void severalRolesGiveTheBroadestScopeAndTheAuditNamesIt() {
        Actor both = actor(Set.of(Role.PROVIDER, Role.SCHOOL_ADMIN), staff);
        assertEquals(new StudentScope.Schools(Set.of(school)), both.studentScope());
        assertEquals("school-admin", both.auditRole());
    }

    @Test
    void rolesAreReadFromTheirTokenNamesOnly() {
        assertEquals(Role.SIS_INTEGRATION, Role.fromClaim("sis-integration").orElseThrow());
        assertTrue(Role.fromClaim("SIS_INTEGRATION").isEmpty());
        assertTrue(Role.fromClaim("admin").isEmpty());
    }
}
