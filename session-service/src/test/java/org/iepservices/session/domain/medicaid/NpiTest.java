package org.iepservices.session.domain.medicaid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NpiTest {

    @Test
    void theCmsExampleAndOthersWithTheirCheckDigitAreValid() {
        assertTrue(Npi.isValid("1234567893"), "the example in the CMS check-digit paper");
        assertTrue(Npi.isValid("1245319599"));
    }

    @Test
    void aWrongCheckDigitOrShapeIsInvalid() {
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid("12345678931"));
        assertFalse(Npi.isValid("12345678a3"));
        assertFalse(Npi.isValid(null));
    }
}
