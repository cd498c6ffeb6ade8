package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.roster.RosterFile;
import org.iepservices.student.repository.RosterRecordRepository.Change;
import org.iepservices.student.service.roster.RosterPushService;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster push", description = "Record-by-record OneRoster sync for vendors that do not send CSV zips")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SIS_INTEGRATION_NAME})
public class RosterPushResource {

    private static final String TYPES = "orgs|academicSessions|courses|classes|users|demographics|enrollments";

    private static final String SOURCE = "the feed the record belongs to (default: the caller's token subject)";

    static final String DISTRICT = "the district the record belongs to (sourcedIds are unique per district), for a "
            + "caller whose token names no district (district_id); default: the one district where the record, or "
            + "for a new record the org it points at, is stored. 422 when it differs from the token's district, or "
            + "when it is needed (the sourcedId is stored in several districts) and missing";

    private final RosterPushService push;
    private final RosterSource sources;

    RosterPushResource(RosterPushService push, RosterSource sources) {
        this.push = push;
        this.sources = sources;
    }

    @PUT
    @Path("{type: " + TYPES + "}/{sourcedId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace one OneRoster record", description = "The body is the record in the "
            + "OneRoster 1.2 JSON shape, bare or wrapped ({\"user\": {...}}): GUIDRefs such as {\"sourcedId\": ...} for "
            + "parent, course, school, terms, class, user; arrays for grades, subjects, periods; metadata entries kept "
            + "as metadata.* extensions (metadata.discipline sets a provider's discipline). A user carries its 1.2 "
            + "roles [{roleType, role, org}] (they replace the user's roles) or the 1.1 role and orgs. status defaults "
            + "to active. The record is checked like a CSV row (required fields, ISO dates, enumerations, an "
            + "enrollment's class and user must exist); every violation is listed in one 422 and nothing is written. "
            + "201 when created, 200 otherwise; change says inserted / updated / deactivated / unchanged, and the same "
            + "body twice changes nothing (and publishes nothing) the second time.")
    public Response put(@Parameter(description = "orgs, academicSessions, courses, classes, users, demographics or "
                                + "enrollments") @PathParam("type") String type,
                        @PathParam("sourcedId") String sourcedId,
                        @Parameter(description = SOURCE) @QueryParam("source") String source,
                        @Parameter(description = DISTRICT) @QueryParam("districtId") UUID districtId,
                        JsonNode body, UriInfo uri) {
        RosterPushService.Result result = push.upsert(file(type), sourcedId, body, sources.of(source),
                sources.claimedDistrict(), districtId);
        if (result.change() == Change.INSERTED) {
            return Response.created(readUrl(uri, type, sourcedId)).entity(result).build();
        }
        return Response.ok(result).build();
    }

    @DELETE
    @Path("{type: " + TYPES + "}/{sourcedId}")
    @Operation(summary = "Deactivate one OneRoster record", description = "Sets the record's status to tobedeleted "
            + "(its content and everything that points at it are kept; a student is deactivated and "
            + "StudentDeactivated published). 404 when the record was never stored; deleting twice changes nothing.")
    public Response delete(@PathParam("type") String type, @PathParam("sourcedId") String sourcedId,
                           @Parameter(description = SOURCE) @QueryParam("source") String source,
                           @Parameter(description = DISTRICT) @QueryParam("districtId") UUID districtId) {
        push.delete(file(type), sourcedId, sources.of(source), sources.claimedDistrict(), districtId);
        return Response.noContent().build();
    }

    private static RosterFile file(String type) {
        return RosterFile.byFileName(type).orElseThrow();
    }

    private static URI readUrl(UriInfo uri, String type, String sourcedId) {
        return uri.getBaseUriBuilder().path(OneRosterResource.BASE).path(type).path(sourcedId).build();
    }
}
