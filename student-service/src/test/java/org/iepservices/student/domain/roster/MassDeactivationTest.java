package org.iepservices.student.domain.roster;

import org.iepservices.student.domain.roster.ImportReport.MassDeactivation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a bulk users file is held: more than the share of students or of staff, and at least the minimum. */
class MassDeactivationTest {

    private static MassDeactivation of(long students, long leavingStudents, long staff, long leavingStaff) {
        return new MassDeactivation(students, leavingStudents, staff, leavingStaff, 0.10, false);
    }

    @Test
    void aTruncatedExportIsHeld() {
        assertTrue(of(40, 34, 15, 15).exceeds(5));
    }

    @Test
    void theUsualTurnoverApplies() {
        assertFalse(of(400, 40, 30, 3).exceeds(5), "exactly 10 % is not more than 10 %");
        assertTrue(of(400, 41, 30, 0).exceeds(5));
    }

    @Test
    void staffCountOnTheirOwn() {
        assertTrue(of(400, 0, 30, 10).exceeds(5), "a third of the staff gone, every student kept");
    }

    @Test
    void aFewPeopleInASmallScopeApply() {
        assertFalse(of(3, 1, 1, 1).exceeds(5), "below the minimum number of people");
        assertTrue(of(3, 1, 1, 1).exceeds(1));
    }

    @Test
    void aNewFeedHasNothingToLose() {
        assertFalse(of(0, 0, 0, 0).exceeds(0));
    }
}
