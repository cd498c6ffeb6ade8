package org.iepservices.session.domain.medicaid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitRuleTest {

    @ParameterizedTest(name = "untimed: {0} minutes bill 1 unit")
    @ValueSource(ints = {1, 7, 8, 22, 30, 45, 60, 90})
    void anUntimedCodeBillsOneUnitPerSession(int minutes) {
        assertEquals(1, UnitRule.UNTIMED.units(minutes));
    }

    @ParameterizedTest(name = "timed: {0} minutes bill {1} units")
    @CsvSource({"1,0", "7,0", "8,1", "22,1", "23,2", "37,2", "38,3", "45,3", "52,3", "53,4", "67,4", "68,5"})
    void aTimedCodeFollowsTheEightMinuteRule(int minutes, int units) {
        assertEquals(units, UnitRule.TIMED_15.units(minutes));
    }

    @ParameterizedTest(name = "{0}: nothing delivered, nothing billed")
    @CsvSource({"UNTIMED", "TIMED_15"})
    void noMinutesNoUnits(UnitRule rule) {
        assertEquals(0, rule.units(0));
    }
}
