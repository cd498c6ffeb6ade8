package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import org.iepservices.student.service.StudentAccess;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Student;
import org.iepservices.student.service.StudentService;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A student's IEPs as state and district reporting (Ed-Fi) expects them. */
@Path("/api/v1/students/{studentId}/edfi")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ed-Fi", description = "IEPs in the shape of the Ed-Fi data standard")
public class StudentEdFiResource {

    private final StudentService students;
    private final StudentAccess access;
    private final ZoneId districtZone;

    StudentEdFiResource(StudentService students, StudentAccess access,
                        @ConfigProperty(name = "district.time-zone") ZoneId districtZone) {
        this.students = students;
        this.access = access;
        this.districtZone = districtZone;
    }

    @GET
    @Transactional
    @Operation(summary = "A student's IEPs as Ed-Fi records",
            description = "Ed-Fi Data Standard 6.1: one StudentIEP per IEP version that took effect (iepAmendedDate "
                    + "on amendments, IEPStatusDescriptor Active for the version in force, Inactive for history), one "
                    + "StudentIEPServicePrescription per mandate and setting (duration = minutes per interval in that "
                    + "setting, frequency = sessions per interval, both with their interval descriptor; push-in at a "
                    + "General Education Classroom, pull-out in the service's therapy room), StudentIEPGoals, and the "
                    + "StudentSpecialEducationProgramAssociation with specialEducationProgramServices of the current "
                    + "version. Drafts are not included.")
    @APIResponse(responseCode = "404", description = "No such student")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    public EdFiView get(@PathParam("studentId") UUID studentId) {
        access.requireStudent(studentId);
        Student student = students.get(studentId);
        access.read("edfi-view", studentId, studentId);
        School school = student.schoolId == null ? null : School.findById(student.schoolId);
        List<Iep> versions = Iep.list("studentId", studentId);
        return EdFiView.of(student, school, versions, districtZone);
    }
}
