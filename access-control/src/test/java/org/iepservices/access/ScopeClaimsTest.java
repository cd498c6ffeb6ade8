package org.iepservices.access;

import io.quarkus.security.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ScopeClaimsTest {

    private static Actor actor(Set<Role> roles, UUID district, Set<UUID> schools, UUID staff) {
        return new Actor("user-1", null, roles, staff, district, schools);
    }

    @Test
    void aDistrictAdminWithoutADistrictIsRefusedNotGivenEveryDistrict() {
        Actor admin = actor(Set.of(Role.DISTRICT_ADMIN), null, Set.of(), null);
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> ScopeClaims.check(admin, false, "district_id"));
        assertTrue(refused.getMessage().contains("district_id"), refused.getMessage());
    }

    @Test
    void severalRolesDoNotHideTheMissingDistrict() {
        Actor leadSlp = actor(Set.of(Role.DISTRICT_ADMIN, Role.PROVIDER), null, Set.of(), UUID.randomUUID());
        assertThrows(ForbiddenException.class, () -> ScopeClaims.check(leadSlp, false, "district_id"));
    }

    @Test
    void aSingleDistrictDeploymentAcceptsADistrictAdminWithoutDistrict() {
        Actor admin = actor(Set.of(Role.DISTRICT_ADMIN), null, Set.of(), null);
        assertDoesNotThrow(() -> ScopeClaims.check(admin, true, "district_id"));
        assertEquals(new StudentScope.District(null), admin.studentScope());
    }

    @Test
    void scopesThatNarrowWithoutTheirClaimPass() {
        UUID district = UUID.randomUUID();
        assertDoesNotThrow(() -> ScopeClaims.check(actor(Set.of(Role.DISTRICT_ADMIN), district, Set.of(), null),
                false, "district_id"));
        Actor principal = actor(Set.of(Role.SCHOOL_ADMIN), null, Set.of(), null);
        assertDoesNotThrow(() -> ScopeClaims.check(principal, false, "district_id"));
        assertEquals(new StudentScope.Schools(Set.of()), principal.studentScope());
        Actor provider = actor(Set.of(Role.PROVIDER), null, Set.of(), null);
        assertDoesNotThrow(() -> ScopeClaims.check(provider, false, "district_id"));
        assertEquals(new StudentScope.Nobody(), provider.studentScope());
    }

    @Test
    void anUnreadableClaimIsRefusedWithItsName() {
        assertTrue(ScopeClaims.unreadable("tenant").getMessage().contains("tenant"));
    }
}
