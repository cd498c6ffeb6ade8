package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MakeupPolicyTest {

    @Test
    void defaultOwesProviderSideMissesButNotStudentAbsenceOrClosures() {
        MakeupPolicy policy = MakeupPolicy.districtDefault();
        assertEquals(OwedVerdict.OWED, policy.verdictFor(MissReason.PROVIDER_ABSENT));
        assertEquals(OwedVerdict.OWED, policy.verdictFor(MissReason.PROVIDER_REASSIGNED));
        assertEquals(OwedVerdict.OWED, policy.verdictFor(MissReason.SCHEDULING_ERROR));
        assertEquals(OwedVerdict.NOT_OWED, policy.verdictFor(MissReason.STUDENT_ABSENT));
        assertEquals(OwedVerdict.NOT_OWED, policy.verdictFor(MissReason.SCHOOL_CLOSED));
        assertEquals(OwedVerdict.REVIEW, policy.verdictFor(MissReason.OTHER));
    }

    @Test
    void aPolicyMustDecideEveryReason() {
        assertThrows(IllegalArgumentException.class,
                () -> new MakeupPolicy(Map.of(MissReason.PROVIDER_ABSENT, OwedVerdict.OWED)));
    }

    @Test
    void reasonsAddedLaterTakeTheDefaultWhenAPolicyLeavesThemOut() {
        Map<MissReason, OwedVerdict> seven = new java.util.EnumMap<>(MissReason.class);
        for (MissReason reason : MissReason.values()) {
            if (!reason.optionalInPolicy()) {
                seven.put(reason, OwedVerdict.OWED);
            }
        }
        MakeupPolicy policy = new MakeupPolicy(seven);
        assertEquals(OwedVerdict.OWED, policy.verdictFor(MissReason.SCHOOL_CLOSED), "a district may owe closures");
        assertEquals(OwedVerdict.REVIEW, policy.verdictFor(MissReason.UNDOCUMENTED));
        assertEquals(OwedVerdict.REVIEW, policy.verdictFor(MissReason.SCHOOL_EVENT));
        assertEquals(OwedVerdict.REVIEW, MakeupPolicy.districtDefault().verdictFor(MissReason.UNDOCUMENTED));
    }
}
