package org.iepservices.session.domain.medicaid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BillingUnitsTest {

    @ParameterizedTest(name = "{0} minutes bill {1} units")
    @CsvSource({"0,0", "7,0", "8,1", "15,1", "22,1", "23,2", "30,2", "37,2", "38,3", "45,3", "52,3", "53,4",
            "60,4", "67,4", "68,5"})
    void fifteenMinuteRule(int minutes, int units) {
        assertEquals(units, BillingUnits.of(minutes));
    }
}
