package org.iepservices.student.domain.roster;

import org.iepservices.student.domain.roster.OneRosterFilter.InvalidFilter;
import org.iepservices.student.domain.roster.OneRosterFilter.Logical;
import org.iepservices.student.domain.roster.OneRosterFilter.Operator;
import org.iepservices.student.domain.roster.OneRosterFilter.Predicate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OneRosterFilterTest {

    private static OneRosterFilter parse(String filter) {
        return OneRosterFilter.parse(filter).orElseThrow();
    }

    @Test
    void onePredicateWithEachOperator() {
        for (Operator op : Operator.values()) {
            OneRosterFilter f = parse("familyName" + op.symbol() + "'Smith'");
            assertEquals(List.of(new Predicate("familyName", op, "Smith")), f.predicates(), op.name());
        }
    }

    @Test
    void twoPredicatesJoinedByAndOrOr() {
        OneRosterFilter and = parse("status='active' AND dateLastModified>'2026-09-01T00:00:00Z'");
        assertEquals(Logical.AND, and.logical());
        assertEquals(new Predicate("dateLastModified", Operator.GT, "2026-09-01T00:00:00Z"), and.predicates().get(1));
        OneRosterFilter or = parse("familyName = 'Smith' or givenName~'ann'");
        assertEquals(Logical.OR, or.logical());
        assertEquals(2, or.predicates().size());
    }

    @Test
    void quotedValuesKeepSpacesOperatorsAndDoubledQuotes() {
        assertEquals("Mary Ann AND x='y'", parse("givenName='Mary Ann AND x=''y'''").predicates().get(0).value());
        assertEquals("O'Brien", parse("familyName='O''Brien'").predicates().get(0).value());
        assertEquals("", parse("middleName=''").predicates().get(0).value());
        assertEquals("class.sourcedId", parse("class.sourcedId='c1'").predicates().get(0).field());
    }

    @Test
    void bareWordsAreTolerated() {
        assertEquals(new Predicate("status", Operator.EQ, "active"), parse("status=active").predicates().get(0));
        assertEquals("2026-09-01", parse("startDate>=2026-09-01").predicates().get(0).value());
    }

    @Test
    void malformedFiltersSayWhatIsWrong() {
        assertTrue(OneRosterFilter.parse(" ").isEmpty());
        for (String bad : List.of("familyName", "='x'", "familyName=='x'", "familyName='x", "familyName<>'x'",
                "a='1' AND b='2' AND c='3'", "a='1' AND b='2' OR c='3'", "a='1' XOR b='2'", "a='1' AND",
                "familyName='x' trailing")) {
            assertThrows(InvalidFilter.class, () -> OneRosterFilter.parse(bad), bad);
        }
        assertTrue(assertThrows(InvalidFilter.class, () -> OneRosterFilter.parse("a='1' AND b='2' AND c='3'"))
                .getMessage().contains("at most 2"));
    }
}
