package org.iepservices.student.domain;

import org.iepservices.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ServiceProfileRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void icd10CodesAreAcceptedDottedOrNotAndKeptDotted() {
        assertEquals(Optional.of("F80.2"), Icd10Code.normalize("F80.2"));
        assertEquals(Optional.of("F80.2"), Icd10Code.normalize(" f802 "));
        assertEquals(Optional.of("F80.81"), Icd10Code.normalize("F8081"));
        assertEquals(Optional.of("F82"), Icd10Code.normalize("F82"));
        assertEquals(Optional.of("R48.2"), Icd10Code.normalize("R48.2"));
        assertEquals(Optional.of("C4A.0"), Icd10Code.normalize("C4A.0"));
    }

    @Test
    void whatIsNotShapedLikeAnIcd10CmCodeIsRefused() {
        for (String bad : List.of("", "80.2", "F8", "F80.", "F80.12345", "U07.1", "FF0.2", "F80-2", "315.39")) {
            assertEquals(Optional.empty(), Icd10Code.normalize(bad), bad);
        }
    }

    @Test
    void eachBadOrRepeatedCodeIsNamedByItsPosition() {
        List<String> normalized = new ArrayList<>();
        List<Violation> violations = ServiceProfileRules.check(null, List.of("F80.2", "315.39", "f802"), false, null,
                TODAY, normalized);
        assertEquals(List.of("diagnosisCodes[1]", "diagnosisCodes[2]"), fields(violations));
        assertEquals(List.of("F80.2"), normalized);
    }

    @Test
    void aClaimCarriesAtMostTwelveCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            codes.add("F8" + (i % 10) + "." + (i / 10));
        }
        assertEquals(List.of("diagnosisCodes"),
                fields(ServiceProfileRules.check(null, codes, false, null, TODAY, new ArrayList<>())));
    }

    @Test
    void aConsentOnFileHasAPastDateAndNoConsentHasNone() {
        assertEquals(List.of("billingConsentDate"),
                fields(ServiceProfileRules.check(null, List.of(), true, null, TODAY, new ArrayList<>())));
        assertEquals(List.of("billingConsentDate"),
                fields(ServiceProfileRules.check(null, List.of(), true, TODAY.plusDays(1), TODAY, new ArrayList<>())));
        assertEquals(List.of("billingConsentDate"),
                fields(ServiceProfileRules.check(null, List.of(), false, TODAY, TODAY, new ArrayList<>())));
        assertEquals(List.of(), ServiceProfileRules.check(null, List.of(), true, TODAY, TODAY, new ArrayList<>()));
    }

    @Test
    void aMedicaidIdIsLettersAndDigits() {
        assertEquals(List.of(), ServiceProfileRules.check("NY12345678", Collections.emptyList(), false, null, TODAY,
                new ArrayList<>()));
        assertEquals(List.of("medicaidId"), fields(ServiceProfileRules.check("NY-1234 5678", List.of(), false, null,
                TODAY, new ArrayList<>())));
    }
}
