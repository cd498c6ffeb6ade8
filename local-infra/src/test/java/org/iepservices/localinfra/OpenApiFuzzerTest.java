package org.iepservices.localinfra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fuzzer's verdict on one answer; the services' OpenApiFuzzTest drive it against a real service. */
class OpenApiFuzzerTest {

    @Test
    void aServerErrorIsAnOffenceWhateverItsBody() {
        assertNotNull(OpenApiFuzzer.offence(500, "application/problem+json", "{\"status\":500}"));
        assertNotNull(OpenApiFuzzer.offence(503, "text/plain", ""));
    }

    @Test
    void aRefusalMustBeAProblemWithItsOwnStatus() {
        assertNull(OpenApiFuzzer.offence(404, "application/problem+json", "{\"status\":404}"));
        assertNotNull(OpenApiFuzzer.offence(404, "text/plain", "Not Found"));
        assertNotNull(OpenApiFuzzer.offence(400, "application/problem+json", "{\"status\":500}"));
        assertNotNull(OpenApiFuzzer.offence(400, "application/problem+json", "not json"));
    }

    @Test
    void successIsNoOffence() {
        assertNull(OpenApiFuzzer.offence(200, "application/json", "[]"));
        assertNull(OpenApiFuzzer.offence(204, "", ""));
    }

    @Test
    void theAssertionListsEveryOffence() {
        OpenApiFuzzer.Report report = new OpenApiFuzzer.Report(2, 10, 1,
                List.of("GET /a/{id} with path id=a%20b -> 500", "PUT /b with body null -> 400 as 'text/plain'"));
        AssertionError error = assertThrows(AssertionError.class, report::assertClean);
        assertTrue(error.getMessage().contains("/a/{id}") && error.getMessage().contains("PUT /b"), error.getMessage());
        assertDoesNotThrow(new OpenApiFuzzer.Report(2, 10, 0, List.of())::assertClean);
    }
}
