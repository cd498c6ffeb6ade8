package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
import org.iepservices.student.repository.StudentScopeQuery;
import org.iepservices.student.service.StudentAccess;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.student.domain.ClassSection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classes", description = "Class sections from the roster (OneRoster classes) with their students and teachers")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME})
public class ClassResource {

    public record ClassResponse(UUID id, String sourcedId, String title, String classCode,
                                @Schema(description = "homeroom or scheduled") String classType, String location,
                                UUID schoolId, String courseSourcedId, List<String> termSourcedIds,
                                List<String> grades, List<String> subjects, List<String> periods, String status,
                                @Schema(description = "Only on GET /api/v1/classes/{id}") List<Member> enrollments) {
        static ClassResponse of(ClassSection c, List<Member> enrollments) {
            return new ClassResponse(c.id, c.sourcedId, c.title, c.classCode, c.classType, c.location, c.schoolId,
                    c.courseSourcedId, List.copyOf(c.termSourcedIds), List.copyOf(c.grades), List.copyOf(c.subjects),
                    List.copyOf(c.periods), c.status, enrollments);
        }
    }

    @Schema(description = "A person enrolled in the class: a student (studentId) or a teacher, aide... (staffId).")
    public record Member(UUID enrollmentId, String role, boolean primary, UUID studentId, UUID staffId,
                         String userSourcedId, String givenName, String familyName, LocalDate beginDate,
                         LocalDate endDate, String status) {
    }

    private final EntityManager em;
    private final StudentAccess access;

    ClassResource(EntityManager em, StudentAccess access) {
        this.access = access;
        this.em = em;
    }

    @GET
    @Operation(summary = "List classes", description = "Filters: schoolId, staffId (a teacher or aide enrolled), "
            + "studentId (a student enrolled), status (active or tobedeleted), sourcedId (within the caller's "
            + "district when the token names one), title (part of it). "
            + "Sorted by title; limit/offset with X-Total-Count and Link headers.")
    public Response list(@QueryParam("schoolId") UUID schoolId, @QueryParam("staffId") UUID staffId,
                         @QueryParam("studentId") UUID studentId,
                         @QueryParam("status") @Pattern(regexp = "active|tobedeleted",
                                 message = "must be active or tobedeleted") String status,
                         @QueryParam("sourcedId") String sourcedId, @QueryParam("title") String title,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        String where = "from ClassSection c where (:school is null or c.schoolId = :school)"
                + " and (:status is null or c.status = :status) and (:sourcedId is null or c.sourcedId = :sourcedId)"
                + " and (:title is null or lower(c.title) like :title)"
                + " and (:sourcedId is null or :rosterDistrict is null or c.rosterDistrict = :rosterDistrict)"
                + " and (:staff is null or exists (select 1 from Enrollment e where e.classId = c.id"
                + " and e.staffId = :staff and e.status = 'active'))"
                + " and (:student is null or exists (select 1 from Enrollment e where e.classId = c.id"
                + " and e.studentId = :student and e.status = 'active'))";
        Parameters params = Parameters.with("school", schoolId).and("status", status).and("sourcedId", sourcedId)
                .and("title", title == null || title.isBlank() ? null : "%" + title.trim().toLowerCase() + "%")
                .and("staff", staffId).and("student", studentId).and("rosterDistrict", access.actor().districtId());
        if (studentId != null) {
            // Which classes a student is in is the student's record: only for a student in the caller's scope.
            StudentScopeQuery scope = access.scope();
            where += " and " + scope.jpql(":student");
            scope.parameters().forEach(params::and);
        }
        long total = ClassSection.count(where, params);
        List<ClassResponse> items = ClassSection.<ClassSection>find(where + " order by lower(c.title), c.id", params)
                .range(offset, offset + limit - 1).list().stream().map(c -> ClassResponse.of(c, null)).toList();
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a class with its enrollments", description = "Every enrollment of the class (students "
            + "and teachers / aides, any status), teachers first, then by family name.")
    @Transactional
    public ClassResponse get(@PathParam("id") UUID id) {
        StudentScopeQuery scope = access.scope();
        ClassSection c = ClassSection.<ClassSection>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Class", id));
        // Students are listed only when the caller may see them; staff members always.
        List<?> rows = scope.bind(em.createNativeQuery("""
                        select e.id, e.role, e.is_primary, e.student_id, e.staff_id, e.user_sourced_id,
                               coalesce(s.given_name, t.given_name), coalesce(s.family_name, t.family_name),
                               e.begin_date, e.end_date, e.status
                          from enrollment e
                          left join student s on s.id = e.student_id
                          left join staff t on t.id = e.staff_id
                         where e.class_id = :id
                        """ + " and (e.student_id is null or " + scope.sql("e.student_id") + ")" + """
                         order by (e.role = 'student'), lower(coalesce(s.family_name, t.family_name)),
                                  lower(coalesce(s.given_name, t.given_name)), e.id
                        """)
                .setParameter("id", id))
                .getResultList();
        List<Member> members = new ArrayList<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            members.add(new Member((UUID) row[0], (String) row[1], (Boolean) row[2], (UUID) row[3], (UUID) row[4],
                    (String) row[5], (String) row[6], (String) row[7], date(row[8]), date(row[9]), (String) row[10]));
        }
        List<UUID> students = members.stream().map(Member::studentId).filter(java.util.Objects::nonNull).toList();
        if (!students.isEmpty()) {
            access.read("class-roster", id, students);
        }
        return ClassResponse.of(c, members);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
