package org.iepservices.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class IfMatchTest {

    @Test
    void readsPlainQuotedAndWeakETags() {
        assertEquals(3L, IfMatch.version("3"));
        assertEquals(3L, IfMatch.version("\"3\""));
        assertEquals(3L, IfMatch.version("W/\"3\""));
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version("*"));
    }

    @Test
    void aMalformedHeaderIsAValidationProblem() {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.version("abc"));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("If-Match", e.violations().get(0).field());
    }

    @Test
    void aStaleVersionIsAPreconditionFailure() {
        IfMatch.check("IEP", "x", null, 4);
        IfMatch.check("IEP", "x", 4L, 4);
        assertEquals(412, assertThrows(ProblemException.class, () -> IfMatch.check("IEP", "x", 3L, 4)).type().status());
    }
}
