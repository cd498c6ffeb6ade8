package org.iepservices.rest.openapi;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter run by SmallRye on a document shaped like the one Quarkus scans from a service (roles as scopes). */
class ApiDocumentConventionsTest {

    private static OpenAPI document;

    @BeforeAll
    static void filterTheScannedDocument() {
        document = SmallRyeOpenAPI.builder()
                .withCustomStaticFile(() -> ApiDocumentConventionsTest.class.getResourceAsStream("/openapi/as-scanned.json"))
                .enableModelReader(false)
                .enableAnnotationScan(false)
                .enableStandardStaticFiles(false)
                .enableStandardFilter(false)
                .addFilter(new ApiDocumentConventions())
                .build()
                .model();
    }

    private static Operation get(String path) {
        return document.getPaths().getPathItem(path).getGET();
    }

    @Test
    void everyOperationGetsAnIdFromItsPathAndAnExplicitOneWins() {
        assertEquals("getIep", get("/api/v1/ieps/{id}").getOperationId());
        assertEquals("discardDraftIep", document.getPaths().getPathItem("/api/v1/ieps/{id}").getDELETE().getOperationId());
        assertEquals("activateIep", document.getPaths().getPathItem("/api/v1/ieps/{id}/activate").getPOST().getOperationId());
        assertEquals("listDeadLetters", get("/api/v1/admin/dead-letters").getOperationId());
    }

    @Test
    void rolesLeaveTheBearerSchemeForXRolesAndTheDescription() {
        Operation read = get("/api/v1/ieps/{id}");
        assertEquals(List.of(), read.getSecurity().get(0).getScheme("bearer"), "http schemes take no scopes");
        assertEquals(List.of("district-admin", "provider", "school-admin"), read.getExtensions().get("x-roles"));
        assertEquals("Any version.\n\nRoles: district-admin, provider, school-admin.", read.getDescription());
        assertEquals("JWT", document.getComponents().getSecuritySchemes().get("bearer").getBearerFormat());
    }

    @Test
    void anOperationThatDeclaresOnlyErrorsStillHasASuccessResponse() {
        assertTrue(get("/api/v1/ieps/{id}").getResponses().hasAPIResponse("200"));
        assertTrue(document.getPaths().getPathItem("/api/v1/ieps/{id}").getDELETE().getResponses().hasAPIResponse("204"));
    }

    @Test
    void untaggedOperationsGetTheirAreaAndEveryTagIsDeclared() {
        assertEquals(List.of("Administration"), get("/api/v1/admin/dead-letters").getTags());
        assertEquals(List.of("Administration", "IEPs"), document.getTags().stream().map(Tag::getName).toList());
        assertEquals("IEP versions", document.getTags().get(1).getDescription(), "declared tags keep their description");
    }
}
