package org.iepservices.session.api;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.copy.KnownGoal;
import org.iepservices.session.domain.copy.KnownIep;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.iepservices.session.domain.copy.ServiceProfile;
import org.iepservices.session.service.CallerAccess;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/students/{studentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known records", description = "What session-service has received from roster.events, iep.events and "
        + "schedule.events. Logs and misses are checked against these copies; poll them to wait for propagation. "
        + "A student is readable by the providers whose caseload they are on and the admins of their school and "
        + "district; for anyone else the student is a 404, as if unknown.")
public class StudentRecordsResource {

    private final ZoneId districtZone;
    private final CallerAccess access;
    private final AccessAudit audit;

    private final org.iepservices.session.service.Worklist worklist;

    StudentRecordsResource(@ConfigProperty(name = "district.time-zone") String districtZone, CallerAccess access,
                           AccessAudit audit, org.iepservices.session.service.Worklist worklist) {
        this.worklist = worklist;
        this.districtZone = ZoneId.of(districtZone);
        this.access = access;
        this.audit = audit;
    }

    /** A student outside the caller's scope looks exactly like one never received. */
    private void requireVisible(UUID studentId) {
        if (!access.maySeeStudent(studentId)) {
            throw notReceived(studentId);
        }
    }

    private static ProblemException notReceived(UUID studentId) {
        return new ProblemException(ProblemType.NOT_FOUND, "Student " + studentId + " has not been received from "
                + "roster.events (yet), or is not yours to see");
    }

    @GET
    @Operation(summary = "The student as session-service knows them",
            description = "School, district (through the school), status. 404 until StudentUpserted has arrived "
                    + "and, for a provider, until the student is on their caseload (CaseloadAssignmentChanged or a "
                    + "scheduled occurrence of theirs): poll it with your own token before documenting.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public CopyViews.Student student(@PathParam("studentId") UUID studentId) {
        requireVisible(studentId);
        KnownStudent student = KnownStudent.<KnownStudent>findByIdOptional(studentId)
                .orElseThrow(() -> notReceived(studentId));
        audit.read("student", studentId, studentId);
        KnownSchool school = student.schoolId == null ? null : KnownSchool.findById(student.schoolId);
        return CopyViews.Student.of(student, school);
    }

    @GET
    @Path("/mandates")
    @Operation(summary = "The student's mandates",
            description = "Every mandate received from iep.events (all IEP versions) with the days it is in force "
                    + "and whether it is in force on the day asked (on, default today); inForce=true keeps only "
                    + "those. An empty list means none has arrived yet.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public List<CopyViews.Mandate> mandates(@PathParam("studentId") UUID studentId, @QueryParam("on") LocalDate on,
                                            @QueryParam("inForce") Boolean inForce) {
        requireVisible(studentId);
        audit.read("iep-mandates", studentId, studentId);
        LocalDate day = on != null ? on : LocalDate.now(districtZone);
        List<KnownMandate> mandates = KnownMandate.list("studentId = ?1 order by startDate, mandateId", studentId);
        Map<UUID, KnownIep> ieps = new LinkedHashMap<>();
        return mandates.stream()
                .map(m -> CopyViews.Mandate.of(m, ieps.computeIfAbsent(m.iepId, id -> KnownIep.findById(id)), day))
                .filter(m -> inForce == null || m.inForce() == inForce)
                .toList();
    }

    @GET
    @Path("/goals")
    @Operation(summary = "The student's IEP goals",
            description = "Goals received from iep.events; with mandateId only the goals of that mandate's IEP "
                    + "version (the goals a session under that mandate may record data on).")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public List<CopyViews.Goal> goals(@PathParam("studentId") UUID studentId,
                                      @QueryParam("mandateId") UUID mandateId) {
        requireVisible(studentId);
        audit.read("iep-goals", studentId, studentId);
        List<KnownGoal> goals;
        if (mandateId != null) {
            KnownMandate mandate = KnownMandate.findById(mandateId);
            if (mandate == null || !mandate.studentId.equals(studentId)) {
                return List.of();
            }
            goals = KnownGoal.list("studentId = ?1 and iepId = ?2 order by area, goalId", studentId, mandate.iepId);
        } else {
            goals = KnownGoal.list("studentId = ?1 order by area, goalId", studentId);
        }
        return goals.stream().map(CopyViews.Goal::of).toList();
    }

    @GET
    @Path("/service-profile")
    @Operation(summary = "The student's service profile",
            description = "Medicaid id, diagnosis codes and billing consent from ServiceProfileUpdated; 404 until "
                    + "one has arrived. Medicaid data: the student's providers and district admins only.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    public CopyViews.Profile profile(@PathParam("studentId") UUID studentId) {
        requireVisible(studentId);
        CopyViews.Profile profile = ServiceProfile.<ServiceProfile>findByIdOptional(studentId)
                .map(CopyViews.Profile::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Service profile of student " + studentId + " has not been received from iep.events (yet)"));
        audit.read("service-profile", studentId, studentId);
        return profile;
    }

    @GET
    @Path("/occurrences")
    @Operation(summary = "The student's scheduled occurrences",
            description = "From schedule.events, in a date range (default: today), cancelled ones included with "
                    + "their reason, and its documentationStatus (DOCUMENTED, MISSED, UNDOCUMENTED, SCHEDULED; see the "
                    + "provider's worklist). Each occurrence lists only the students the caller may see (a group's other "
                    + "members may be another school's or another provider's).")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public List<CopyViews.Occurrence> occurrences(@PathParam("studentId") UUID studentId,
                                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        requireVisible(studentId);
        LocalDate start = from != null ? from : LocalDate.now(districtZone);
        LocalDate end = to != null ? to : start;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<ScheduledOccurrence> own = ScheduledOccurrence.list(
                "key.studentId = ?1 and date >= ?2 and date <= ?3 order by date, startTime", studentId, start, end);
        var documentation = worklist.of(own.stream().map(o -> o.key.occurrenceId()).distinct().toList());
        List<CopyViews.Occurrence> occurrences = own.stream().map(o -> CopyViews.Occurrence.of(
                ScheduledOccurrence.list("key.occurrenceId = :occurrence and "
                                + access.students().condition("key.studentId") + " order by key.studentId",
                        access.students().bind(Parameters.with("occurrence", o.key.occurrenceId()))), documentation))
                .toList();
        audit.read("student-schedule", studentId, CopyViews.studentsOf(occurrences));
        return occurrences;
    }
}
