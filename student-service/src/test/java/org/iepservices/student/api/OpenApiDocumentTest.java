package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document the running service serves is the one committed in docs/openapi (what client generators and
 * reviewers read), with the shared conventions applied: unique operationIds, bearer security without scopes,
 * roles in x-roles.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode served() throws Exception {
        return JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode committed = JSON.readTree(Files.readString(Path.of("../docs/openapi/student-service.json")));
        assertEquals(committed, served(),
                "docs/openapi/student-service.json is stale: package student-service and commit the regenerated file");
    }

    @Test
    void everyOperationHasAUniqueIdAndRolesOutsideTheBearerScheme() throws Exception {
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (JsonNode path : served().path("paths")) {
            for (var method : (Iterable<java.util.Map.Entry<String, JsonNode>>) path::fields) {
                JsonNode operation = method.getValue();
                operations++;
                assertTrue(ids.add(operation.path("operationId").asText()), "unique: " + operation.path("operationId"));
                for (JsonNode requirement : operation.path("security")) {
                    requirement.fields().forEachRemaining(scheme ->
                            assertEquals(0, scheme.getValue().size(), "no scopes on the bearer scheme"));
                }
            }
        }
        assertEquals(operations, ids.size());
        assertTrue(ids.containsAll(Set.of("listStudents", "getStudent", "createStudentIep", "activateIep")), ids.toString());
    }
}
