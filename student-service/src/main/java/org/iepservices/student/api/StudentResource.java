package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
import org.iepservices.student.service.StudentAccess;
import org.iepservices.rest.Paging;
import org.iepservices.student.service.command.StudentRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.iepservices.student.domain.Student;
import org.iepservices.student.repository.StudentQueries;
import org.iepservices.student.repository.StudentScopeQuery;
import org.iepservices.student.service.StudentService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/students")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME})
public class StudentResource {

    @Schema(description = "A student. activeIep summarises the IEP in force (null when none); enrollments are the "
            + "classes the student is in today (only on GET /api/v1/students/{id}).")
    public record StudentResponse(UUID id, String givenName, String familyName, String grade, UUID schoolId,
                                  LocalDate dateOfBirth, String sourcedId, String status,
                                  StudentQueries.IepSummary activeIep,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<StudentQueries.CurrentEnrollment> enrollments,
                                  long version) {
        static StudentResponse of(Student s, StudentQueries.IepSummary activeIep,
                                  List<StudentQueries.CurrentEnrollment> enrollments) {
            return new StudentResponse(s.id, s.givenName, s.familyName, s.grade, s.schoolId, s.dateOfBirth,
                    s.sourcedId, s.status, activeIep, enrollments, s.version);
        }
    }

    private final StudentService service;
    private final StudentQueries queries;
    private final ZoneId zone;
    private final StudentAccess access;

    StudentResource(StudentService service, StudentQueries queries, StudentAccess access,
                    @ConfigProperty(name = "district.time-zone") ZoneId zone) {
        this.service = service;
        this.access = access;
        this.queries = queries;
        this.zone = zone;
    }

    @POST
    @Operation(summary = "Add a student", description = "Publishes StudentUpserted to roster.events.")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    @Transactional
    public Response create(@Valid @NotNull StudentRequest request, UriInfo uri) {
        access.requireSchools(java.util.Set.of(request.schoolId()));
        Student student = service.create(request);
        access.write("student", student.id, student.id);
        return Response.created(uri.getAbsolutePathBuilder().path(student.id.toString()).build())
                .tag(Long.toString(student.version)).entity(StudentResponse.of(student, null, List.of())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a student", description = "Send the ETag as If-Match to avoid overwriting a "
            + "concurrent change (412). Publishes StudentUpserted when something changed.")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    @Transactional
    public Response update(@PathParam("id") UUID id, @Valid @NotNull StudentRequest request,
                           @Parameter(description = "The version from the ETag") @HeaderParam("If-Match") String ifMatch) {
        access.requireStudent(id);
        access.requireSchools(java.util.Set.of(request.schoolId()));
        Student student = service.update(id, request, IfMatch.version(ifMatch));
        access.write("student", student.id, student.id);
        return Response.ok(detail(student)).tag(Long.toString(student.version)).build();
    }

    @GET
    @Operation(summary = "Find students", description = "Filters: schoolId, classId (actively enrolled in the class), "
            + "grade, name (part of the given or family name, any case), hasActiveIep (an IEP with status ACTIVE), "
            + "status (active or tobedeleted), sourcedId (the SIS id). Sorted by family then given name; paginated "
            + "with limit/offset, X-Total-Count and Link headers. Each item carries the active IEP summary.")
    public Response list(@QueryParam("schoolId") UUID schoolId, @QueryParam("classId") UUID classId,
                         @QueryParam("grade") String grade, @QueryParam("sourcedId") String sourcedId,
                         @Parameter(description = "active or tobedeleted")
                         @QueryParam("status") @Pattern(regexp = "active|tobedeleted",
                                 message = "must be active or tobedeleted") String status,
                         @QueryParam("name") String name, @QueryParam("hasActiveIep") Boolean hasActiveIep,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        StudentQueries.Filter filter = new StudentQueries.Filter(schoolId, classId, grade, name, hasActiveIep, status,
                sourcedId, access.actor().districtId());
        StudentScopeQuery scope = access.scope();
        List<Student> page = queries.page(filter, scope, limit, offset);
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        // Teachers see who is in their classes, not IEP detail.
        Map<UUID, StudentQueries.IepSummary> ieps = access.seesIepDetail() ? queries.activeIeps(ids) : Map.of();
        List<StudentResponse> items = page.stream().map(s -> StudentResponse.of(s, ieps.get(s.id), null)).toList();
        long total = queries.count(filter, scope);
        access.read("student", null, ids);
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a student", description = "With the IEP in force (id, dates, number of service "
            + "mandates) and the classes the student is enrolled in today (class id and title, role).")
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        access.requireStudent(id);
        Student student = service.get(id);
        access.read("student", id, id);
        return Response.ok(detail(student)).tag(Long.toString(student.version)).build();
    }

    private StudentResponse detail(Student student) {
        return StudentResponse.of(student,
                access.seesIepDetail() ? queries.activeIeps(List.of(student.id)).get(student.id) : null,
                queries.currentEnrollments(student.id, LocalDate.now(zone)));
    }
}
