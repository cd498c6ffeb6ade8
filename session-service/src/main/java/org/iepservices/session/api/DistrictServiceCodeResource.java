package org.iepservices.session.api;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Role;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.ServiceCodeService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/districts/{districtId}/medicaid/service-codes")
@Tag(name = "Medicaid", description = "Service codes and claim-ready exports for school-based Medicaid billing")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
public class DistrictServiceCodeResource {

    public record Table(UUID districtId,
                        @Schema(description = "True while the district bills with the default table "
                                + "(its first change copies the defaults into its own table)") boolean defaults,
                        List<ServiceCodeRequest.View> codes) {
    }

    private final ServiceCodeService codes;
    private final CallerAccess access;

    DistrictServiceCodeResource(ServiceCodeService codes, CallerAccess access) {
        this.codes = codes;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A district's service-code table",
            description = "Each code with its therapy, format, unit rule (UNTIMED: one unit per session; TIMED_15: "
                    + "8-22 min = 1, 23-37 = 2, ...), modifier, individual/group pair and the provider disciplines "
                    + "allowed to bill it. A district that has changed nothing gets the defaults (defaults=true).")
    @APIResponse(responseCode = "403", description = "A district admin of another district")
    public Table table(@PathParam("districtId") UUID districtId) {
        requireOwn(districtId);
        return new Table(districtId, !codes.ownTable(districtId),
                codes.table(districtId).stream().map(ServiceCodeRequest.View::of).toList());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One code of a district's table")
    @APIResponse(responseCode = "404", description = "No such code in the district's table")
    public ServiceCodeRequest.View get(@PathParam("districtId") UUID districtId, @PathParam("id") UUID id) {
        requireOwn(districtId);
        return ServiceCodeRequest.View.of(codes.get(districtId, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a code to a district's table",
            description = "One code per therapy and format, a code once per therapy; the pair (if given) is of the "
                    + "other format and is paired back. Claims are priced when exported: the change applies to every "
                    + "line not exported yet.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "A required field is missing")
    @APIResponse(responseCode = "422", description = "Malformed code or discipline, or a clash with the table")
    public Response create(@PathParam("districtId") UUID districtId, @Valid @NotNull ServiceCodeRequest request,
                           @Context UriInfo uri) {
        requireOwn(districtId);
        ServiceCodeRequest.View created = ServiceCodeRequest.View.of(codes.create(districtId, request.toCode()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace one code of a district's table",
            description = "The id of a default code (before the district's first change) names the district's copy.")
    @APIResponse(responseCode = "404", description = "No such code in the district's table")
    @APIResponse(responseCode = "422", description = "Malformed code or discipline, or a clash with the table")
    public ServiceCodeRequest.View update(@PathParam("districtId") UUID districtId, @PathParam("id") UUID id,
                                          @Valid @NotNull ServiceCodeRequest request) {
        requireOwn(districtId);
        return ServiceCodeRequest.View.of(codes.update(districtId, id, request.toCode()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a code from a district's table",
            description = "Lines of its therapy and format are then not billable (NO_SERVICE_CODE) until another "
                    + "code is added; a code paired with it loses its pair.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such code in the district's table")
    public Response delete(@PathParam("districtId") UUID districtId, @PathParam("id") UUID id) {
        requireOwn(districtId);
        codes.delete(districtId, id);
        return Response.noContent().build();
    }

    /** A district admin configures their own district (a token naming no district: a single-district deployment). */
    private void requireOwn(UUID districtId) {
        UUID own = access.actor().districtId();
        if (own != null && !own.equals(districtId)) {
            throw new ForbiddenException("A district admin configures the service codes of their own district only");
        }
    }
}
