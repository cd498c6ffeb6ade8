package org.iepservices.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A NUL in a JSON string is the field's 400, not PostgreSQL's "invalid byte sequence" as a 500. */
class NulCharactersTest {

    record School(String name, List<String> grades) {
    }

    private final ObjectMapper json = new ObjectMapper();

    NulCharactersTest() {
        new NulCharacters().customize(json);
    }

    @Test
    void aStringWithANulIsRefusedAsThatField() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"name\": \"Maple\\u0000\"}", School.class));
        Problem problem = (Problem) new ProblemExceptionMappers().malformedJson(e, null).getEntity();
        assertEquals(400, problem.status());
        assertEquals("name", problem.violations().get(0).field());
        assertTrue(problem.detail().contains("NUL"), problem.detail());
        assertFalse(problem.detail().contains("\0"));
    }

    @Test
    void aNulInAListOfStringsIsRefusedToo() {
        assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"grades\": [\"03\", \"\\u0000\"]}", School.class));
    }

    @Test
    void ordinaryTextAndUnicodeAreReadAsBefore() throws Exception {
        assertEquals(new School("Café ✓ \"Maple\"", List.of("03")),
                json.readValue("{\"name\": \"Café ✓ \\\"Maple\\\"\", \"grades\": [\"03\"]}", School.class));
        assertEquals(new School(null, null), json.readValue("{\"name\": null}", School.class));
    }
}
