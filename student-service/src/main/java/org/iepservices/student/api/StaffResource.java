package org.iepservices.student.api;

import org.iepservices.rest.Paging;

import io.quarkus.panache.common.Parameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.service.StaffService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class StaffResource {

    public record StaffRequest(@NotBlank @Size(max = 100) String givenName,
                               @NotBlank @Size(max = 100) String familyName,
                               @NotBlank @Email @Size(max = 255) String email,
                               @NotNull Discipline discipline,
                               @Size(max = 100) @Schema(example = "M.S., CCC-SLP") String credentials,
                               @NotNull List<@NotNull UUID> schoolIds) {
    }

    public record StaffResponse(UUID id, String givenName, String familyName, String email, Discipline discipline,
                                String credentials, List<UUID> schoolIds) {
        static StaffResponse of(Staff s) {
            return new StaffResponse(s.id, s.givenName, s.familyName, s.email, s.discipline, s.credentials,
                    List.copyOf(s.schoolIds));
        }
    }

    private final StaffService service;

    StaffResource(StaffService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Add a provider or teacher", description = "The email is unique (409 when taken).")
    public Response create(@Valid @NotNull StaffRequest request, UriInfo uri) {
        Staff staff = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(staff.id.toString()).build())
                .entity(StaffResponse.of(staff)).build();
    }

    @GET
    @Operation(summary = "List staff, by discipline and school")
    public Response list(@QueryParam("discipline") Discipline discipline, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        String where = "(:discipline is null or discipline = :discipline)"
                + " and (:school is null or :school member of schoolIds)";
        Parameters params = Parameters.with("discipline", discipline).and("school", schoolId);
        long total = Staff.count(where, params);
        List<StaffResponse> items = Staff.<Staff>find(where + " order by familyName, givenName, id", params)
                .range(offset, offset + limit - 1).list().stream().map(StaffResponse::of).toList();
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a staff member")
    public StaffResponse get(@PathParam("id") UUID id) {
        return StaffResponse.of(service.get(id));
    }
}
