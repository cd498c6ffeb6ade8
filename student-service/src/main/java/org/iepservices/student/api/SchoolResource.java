package org.iepservices.student.api;

import org.iepservices.rest.Paging;

import io.quarkus.panache.common.Sort;
import jakarta.validation.Valid;
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
import org.iepservices.student.domain.School;
import org.iepservices.student.service.SchoolService;

import java.util.UUID;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools")
public class SchoolResource {

    public record SchoolRequest(@NotBlank @Size(max = 200) @Schema(example = "Maple Elementary") String name,
                                UUID districtId,
                                @Size(max = 255) String sourcedId,
                                @Size(max = 64) @Schema(example = "America/New_York") String timeZone) {
    }

    public record SchoolResponse(UUID id, String name, UUID districtId, String sourcedId, String timeZone) {
        static SchoolResponse of(School s) {
            return new SchoolResponse(s.id, s.name, s.districtId, s.sourcedId, s.timeZone);
        }
    }

    private final SchoolService service;

    SchoolResource(SchoolService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Create a school")
    public Response create(@Valid @NotNull SchoolRequest request, UriInfo uri) {
        School school = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(school.id.toString()).build())
                .entity(SchoolResponse.of(school)).build();
    }

    @GET
    @Operation(summary = "List schools")
    public Response list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        return Paging.page(School.<School>findAll(Sort.by("name", "id")).range(offset, offset + limit - 1).list()
                .stream().map(SchoolResponse::of).toList(), School.count(), limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a school")
    public SchoolResponse get(@PathParam("id") UUID id) {
        return SchoolResponse.of(service.get(id));
    }
}
