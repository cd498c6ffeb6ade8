package org.iepservices.student.api;

import org.iepservices.rest.Paging;

import io.quarkus.panache.common.Parameters;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.iepservices.problem.IfMatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.Student;
import org.iepservices.student.service.StudentService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/students")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students")
public class StudentResource {

    public record StudentRequest(@NotBlank @Size(max = 100) String givenName,
                                 @NotBlank @Size(max = 100) String familyName,
                                 @NotBlank @Pattern(regexp = "PK|K|[1-9]|1[0-2]|UG", message = "must be PK, K, 1 to 12 or UG (ungraded)")
                                 @Schema(example = "2") String grade,
                                 @NotNull UUID schoolId,
                                 @PastOrPresent LocalDate dateOfBirth,
                                 @Size(max = 255) String sourcedId) {
    }

    public record StudentResponse(UUID id, String givenName, String familyName, String grade, UUID schoolId,
                                  LocalDate dateOfBirth, String sourcedId, String status,
                                  IepDtos.IepSummary activeIep, long version) {
        static StudentResponse of(Student s, Iep active) {
            return new StudentResponse(s.id, s.givenName, s.familyName, s.grade, s.schoolId, s.dateOfBirth,
                    s.sourcedId, s.status, IepDtos.IepSummary.of(active), s.version);
        }
    }

    private static final String ACTIVE_IEP = "select 1 from Iep i where i.studentId = id"
            + " and i.status = org.iepservices.student.domain.IepStatus.ACTIVE";

    private final StudentService service;

    StudentResource(StudentService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Add a student", description = "Publishes StudentUpserted to roster.events.")
    public Response create(@Valid @NotNull StudentRequest request, UriInfo uri) {
        Student student = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(student.id.toString()).build())
                .tag(Long.toString(student.version)).entity(StudentResponse.of(student, null)).build();
    }

    @PUT
    @Transactional // maps the active IEP in the same persistence context
    @Path("/{id}")
    @Operation(summary = "Change a student", description = "Send the ETag as If-Match to avoid overwriting a "
            + "concurrent change (412). Publishes StudentUpserted.")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull StudentRequest request,
                           @Parameter(description = "The version from the ETag") @HeaderParam("If-Match") String ifMatch) {
        Student student = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(StudentResponse.of(student, service.activeIep(id))).tag(Long.toString(student.version))
                .build();
    }

    @GET
    @Operation(summary = "Find students", description = "Filters: school, grade, name (part of given or family "
            + "name, any case), hasActiveIep, sourcedId (the SIS id), status (active or tobedeleted). Paginated with "
            + "limit/offset; X-Total-Count and Link headers.")
    public Response list(@QueryParam("schoolId") UUID schoolId, @QueryParam("grade") String grade,
                         @QueryParam("sourcedId") String sourcedId, @QueryParam("status") String status,
                         @QueryParam("name") String name, @QueryParam("hasActiveIep") Boolean hasActiveIep,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        String where = "(:school is null or schoolId = :school) and (:grade is null or grade = :grade)"
                + " and (:sourcedId is null or sourcedId = :sourcedId) and (:status is null or status = :status)"
                + " and (:name is null or lower(givenName) like :name or lower(familyName) like :name)"
                + " and (:hasIep is null or (:hasIep = true and exists (" + ACTIVE_IEP + "))"
                + " or (:hasIep = false and not exists (" + ACTIVE_IEP + ")))";
        Parameters params = Parameters.with("school", schoolId).and("grade", grade)
                .and("sourcedId", sourcedId).and("status", status)
                .and("name", name == null || name.isBlank() ? null : "%" + name.trim().toLowerCase() + "%")
                .and("hasIep", hasActiveIep);
        long total = Student.count(where, params);
        List<StudentResponse> items = Student.<Student>find(where + " order by familyName, givenName, id", params)
                .range(offset, offset + limit - 1).list().stream()
                .map(s -> StudentResponse.of(s, service.activeIep(s.id))).toList();
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a student with the IEP in force")
    public Response get(@PathParam("id") UUID id) {
        Student student = service.get(id);
        return Response.ok(StudentResponse.of(student, service.activeIep(id))).tag(Long.toString(student.version))
                .build();
    }
}
