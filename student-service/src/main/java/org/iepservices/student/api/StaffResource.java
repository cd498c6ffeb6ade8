package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import org.iepservices.student.service.StudentAccess;
import org.iepservices.rest.Paging;
import org.iepservices.student.service.command.StaffRequest;

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
import org.iepservices.student.domain.DisciplineSource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.service.StaffService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Providers (SLP, OT, PT, counselors) and teachers, from the roster or created here")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME})
public class StaffResource {

    public record StaffResponse(UUID id, String givenName, String familyName, String email, Discipline discipline,
                                @Schema(description = "API when set through this API (the roster never changes it), "
                                        + "ROSTER when the roster set it") DisciplineSource disciplineSource,
                                String credentials, List<UUID> schoolIds, String sourcedId,
                                @Schema(description = "The SIS's OneRoster role (teacher, aide, administrator, "
                                        + "counselor...); null for staff created here") String rosterRole,
                                String status, long version) {
        static StaffResponse of(Staff s) {
            return new StaffResponse(s.id, s.givenName, s.familyName, s.email, s.discipline, s.disciplineSource,
                    s.credentials, List.copyOf(s.schoolIds), s.sourcedId, s.rosterRole, s.status, s.version);
        }
    }

    private final StaffService service;
    private final StudentAccess access;

    StaffResource(StaffService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Operation(summary = "Add a provider or teacher", description = "The email is unique (409 when taken). "
            + "Publishes StaffUpserted. The discipline given here is never overwritten by the roster.")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    public Response create(@Valid @NotNull StaffRequest request, UriInfo uri) {
        access.requireSchools(request.schoolIds());
        Staff staff = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(staff.id.toString()).build())
                .tag(Long.toString(staff.version)).entity(StaffResponse.of(staff)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a staff member", description = "Send the ETag as If-Match (412 when stale). "
            + "Changing the discipline here marks it as set through the API: roster imports no longer change it. "
            + "Publishes StaffUpserted when something changed.")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    public Response update(@PathParam("id") UUID id, @Valid @NotNull StaffRequest request,
                           @Parameter(description = "The version from the ETag") @HeaderParam("If-Match") String ifMatch) {
        access.requireSchools(service.get(id).schoolIds);
        access.requireSchools(request.schoolIds());
        Staff staff = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(StaffResponse.of(staff)).tag(Long.toString(staff.version)).build();
    }

    @GET
    @Operation(summary = "List staff", description = "Filters: discipline (SLP, OT, PT, COUNSELOR, TEACHER), "
            + "schoolId, status (active or tobedeleted), sourcedId (within the caller's district when the token names "
            + "one), name (part of given or family name). Sorted by "
            + "family then given name; limit/offset with X-Total-Count and Link headers.")
    public Response list(@QueryParam("discipline") Discipline discipline, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("status") @Pattern(regexp = "active|tobedeleted",
                                 message = "must be active or tobedeleted") String status,
                         @QueryParam("sourcedId") String sourcedId, @QueryParam("name") String name,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        String where = "(:discipline is null or discipline = :discipline)"
                + " and (:school is null or :school member of schoolIds)"
                + " and (:status is null or status = :status) and (:sourcedId is null or sourcedId = :sourcedId)"
                + " and (:name is null or lower(givenName) like :name or lower(familyName) like :name)"
                + " and (:sourcedId is null or :rosterDistrict is null or rosterDistrict = :rosterDistrict)";
        Parameters params = Parameters.with("discipline", discipline).and("school", schoolId).and("status", status)
                .and("sourcedId", sourcedId).and("rosterDistrict", access.actor().districtId())
                .and("name", name == null || name.isBlank() ? null : "%" + name.trim().toLowerCase() + "%");
        long total = Staff.count(where, params);
        List<StaffResponse> items = Staff.<Staff>find(where + " order by lower(familyName), lower(givenName), id", params)
                .range(offset, offset + limit - 1).list().stream().map(StaffResponse::of).toList();
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a staff member")
    public Response get(@PathParam("id") UUID id) {
        Staff staff = service.get(id);
        return Response.ok(StaffResponse.of(staff)).tag(Long.toString(staff.version)).build();
    }
}
