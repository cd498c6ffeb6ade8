package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import org.iepservices.student.service.StudentAccess;
import org.iepservices.rest.Paging;
import org.iepservices.student.service.command.SchoolRequest;

import io.quarkus.panache.common.Parameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.iepservices.problem.IfMatch;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.School;
import org.iepservices.student.service.SchoolService;

import java.util.UUID;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Schools, from the roster or created here")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME})
public class SchoolResource {

    public record SchoolResponse(UUID id, String name, UUID districtId, String sourcedId, String timeZone,
                                 @Schema(description = "active, or tobedeleted when the roster dropped it") String status,
                                 long version) {
        static SchoolResponse of(School s) {
            return new SchoolResponse(s.id, s.name, s.districtId, s.sourcedId, s.timeZone, s.status, s.version);
        }
    }

    private final SchoolService service;

    private final StudentAccess access;

    SchoolResource(SchoolService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @Operation(summary = "Create a school", description = "Publishes SchoolUpserted. Schools also come from the "
            + "roster (OneRoster orgs of type school); give sourcedId to link this school to the SIS's org.")
    public Response create(@Valid @NotNull SchoolRequest request, UriInfo uri) {
        School school = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(school.id.toString()).build())
                .tag(Long.toString(school.version)).entity(SchoolResponse.of(school)).build();
    }

    @PUT
    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @Path("/{id}")
    @Operation(summary = "Change a school", description = "Name, district, sourcedId, time zone (the roster never "
            + "changes the time zone). Send the ETag as If-Match (412 when stale). Publishes SchoolUpserted when "
            + "something changed.")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull SchoolRequest request,
                           @Parameter(description = "The version from the ETag") @HeaderParam("If-Match") String ifMatch) {
        School school = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(SchoolResponse.of(school)).tag(Long.toString(school.version)).build();
    }

    @GET
    @Operation(summary = "List schools", description = "Filters: status (active or tobedeleted), sourcedId, "
            + "districtId. sourcedIds are unique per district: a caller whose token names a district finds only that "
            + "district's school by sourcedId, one of no district every district's. Sorted by name; limit/offset "
            + "with X-Total-Count and Link headers.")
    public Response list(@QueryParam("status") @Pattern(regexp = "active|tobedeleted",
                                 message = "must be active or tobedeleted") String status,
                         @QueryParam("sourcedId") String sourcedId, @QueryParam("districtId") UUID districtId,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        String where = "(:status is null or status = :status) and (:sourcedId is null or sourcedId = :sourcedId)"
                + " and (:district is null or districtId = :district)"
                + " and (:sourcedId is null or :rosterDistrict is null or rosterDistrict = :rosterDistrict)";
        Parameters params = Parameters.with("status", status).and("sourcedId", sourcedId).and("district", districtId)
                .and("rosterDistrict", access.actor().districtId());
        return Paging.page(School.<School>find(where + " order by name, id", params).range(offset, offset + limit - 1)
                .list().stream().map(SchoolResponse::of).toList(), School.count(where, params), limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a school")
    public Response get(@PathParam("id") UUID id) {
        School school = service.get(id);
        return Response.ok(SchoolResponse.of(school)).tag(Long.toString(school.version)).build();
    }
}
