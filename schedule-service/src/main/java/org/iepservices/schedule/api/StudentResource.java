package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.api.CopyDtos.ClassRef;
import org.iepservices.schedule.api.CopyDtos.GoalView;
import org.iepservices.schedule.api.CopyDtos.MandateView;
import org.iepservices.schedule.api.CopyDtos.StudentView;
import org.iepservices.schedule.api.ViewDtos.ScheduleView;
import org.iepservices.schedule.api.ViewDtos.StudentCoverage;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.iep.Goal;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.iep.ServiceProfile;
import org.iepservices.schedule.domain.roster.Student;
import org.iepservices.schedule.service.CoverageService;
import org.iepservices.schedule.service.RosterQuery;
import org.iepservices.schedule.service.ScheduleQuery;
import org.iepservices.schedule.service.SettingRecommendationService;
import org.iepservices.schedule.service.SettingRecommendationService.MandateRecommendation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

/**
 * A student as schedule-service sees them: the copy from roster.events, mandates and goals from
 * iep.events, their week of sessions and their coverage. Every endpoint is a student record: a
 * student outside the caller's scope is answered like an unknown one (404), and every answer is
 * audited. Teachers see their students and their week, not the IEP (mandates, goals, coverage,
 * recommendations).
 */
@Path("/api/v1/students/{studentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Students")
public class StudentResource {

    private final RosterQuery roster;
    private final ScheduleQuery schedule;
    private final CoverageService coverage;
    private final DistrictClock clock;
    private final SettingRecommendationService recommendations;
    private final AccessScope scope;
    private final AccessAudit audit;

    StudentResource(RosterQuery roster, ScheduleQuery schedule, CoverageService coverage, DistrictClock clock,
                    SettingRecommendationService recommendations, AccessScope scope, AccessAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.roster = roster;
        this.schedule = schedule;
        this.coverage = coverage;
        this.clock = clock;
        this.recommendations = recommendations;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The student's copy",
            description = "School, grade, status (StudentUpserted, StudentDeactivated), current classes "
                    + "(EnrollmentChanged) and service profile (ServiceProfileUpdated; not shown to teachers). 404 "
                    + "until StudentUpserted arrived, and for a student outside the caller's scope.")
    public StudentView get(@PathParam("studentId") UUID studentId) {
        scope.requireStudent(studentId);
        Student student = Student.<Student>findByIdOptional(studentId).orElseThrow(() -> ProblemException.notFound(
                "Student", studentId + " (schedule-service knows students from roster.events)"));
        LocalDate today = clock.today();
        Set<UUID> classIds = roster.classesOfStudent(studentId, today, today);
        Map<UUID, String> titles = roster.names(classIds);
        List<ClassRef> classes = classIds.stream().map(id -> new ClassRef(id, titles.get(id)))
                .sorted(Comparator.comparing(c -> String.valueOf(c.title()))).toList();
        // the service profile (regulation support, quiet setting) comes from the IEP: not for teachers
        StudentView view = StudentView.of(student, classes, scope.seesIepDetail() ? ServiceProfile.findById(studentId)
                : null);
        audit.read("student", studentId, studentId);
        return view;
    }

    @GET
    @Path("/mandates")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The student's mandates received from iep.events",
            description = "Every version's mandates with the end in force (endsInForce: clipped the day before a "
                    + "later version took effect, or on an early end). With `on`, only those in force that day. An "
                    + "empty list for a student whose IEP events have not arrived.")
    public List<MandateView> mandates(@PathParam("studentId") UUID studentId, @QueryParam("on") LocalDate on) {
        scope.requireStudent(studentId);
        List<MandateView> mandates = Mandate.<Mandate>list("studentId = ?1 order by serviceType, startDate", studentId)
                .stream().filter(m -> on == null || m.inForceDuring(on, on)).map(MandateView::of).toList();
        audit.read("student-mandates", studentId, studentId);
        return mandates;
    }

    @GET
    @Path("/mandates/{mandateId}/setting-recommendation")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Push-in or pull-out for this mandate, from the student's records",
            description = "Builds the recommendation input from what schedule-service knows: the mandate and its "
                    + "current split, the goals of its IEP version (area, skill stage), the service profile "
                    + "(regulation support, quiet setting) and the activity blocks of the classes the student is "
                    + "enrolled in on `on` (default today, or the mandate's first day if later). Returns every "
                    + "factor with direction, weight and evidence, the suggested split, the class block for each "
                    + "push-in session, and `input` (replayable through POST /api/v1/recommendations/setting-mix). "
                    + "404 for an unknown student or a mandate that is not theirs; 422 when the student is in no "
                    + "class or their classes have no activity blocks yet (the classroom cannot be judged, so no "
                    + "split is suggested), or the mandate's split does not add up.")
    @APIResponse(responseCode = "200", description = "The recommendation and its factors")
    @APIResponse(responseCode = "404", description = "Unknown student, or not this student's mandate")
    @APIResponse(responseCode = "422", description = "No class or no activity blocks to judge push-in by")
    public MandateRecommendation settingRecommendation(@PathParam("studentId") UUID studentId,
                                                       @PathParam("mandateId") UUID mandateId,
                                                       @QueryParam("on") LocalDate on) {
        scope.requireStudent(studentId);
        MandateRecommendation recommendation = recommendations.recommend(studentId, mandateId, on);
        audit.read("setting-recommendation", mandateId, studentId);
        return recommendation;
    }

    @GET
    @Path("/goals")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The student's IEP goals received from iep.events (all versions)",
            description = "Clinical: not for teachers (403).")
    public List<GoalView> goals(@PathParam("studentId") UUID studentId) {
        scope.requireStudent(studentId);
        List<GoalView> goals = Goal.<Goal>list("studentId = ?1 order by area, id", studentId).stream()
                .map(GoalView::of).toList();
        audit.read("student-goals", studentId, studentId);
        return goals;
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The student's week",
            description = "Every occurrence the student is in, in the week containing weekOf (default today): when, "
                    + "with which provider, push-in (class and activity) or pull-out (room); cancelled ones with "
                    + "reason. Other students of a group are counted (groupSize), not named.")
    public ScheduleView week(@PathParam("studentId") UUID studentId, @QueryParam("weekOf") LocalDate weekOf) {
        scope.requireStudent(studentId);
        LocalDate from = schedule.weekStart(weekOf == null ? clock.today() : weekOf);
        ScheduleView view = ScheduleView.of(from, from.plusDays(6), schedule.student(studentId, from,
                from.plusDays(6), scope));
        audit.read("student-schedule", studentId, studentId);
        return view;
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Scheduled against mandated minutes",
            description = "Per mandate in force and per period of its interval (weeks, months or the term) "
                    + "overlapping from..to: mandated minutes by setting (prorated when the mandate starts or ends "
                    + "inside the period), scheduled minutes (occurrences not cancelled) and the gap, so holes are "
                    + "visible before the week starts.")
    public StudentCoverage coverage(@PathParam("studentId") UUID studentId, @QueryParam("from") LocalDate from,
                                    @QueryParam("to") LocalDate to) {
        Dates.range(from, to);
        scope.requireStudent(studentId);
        StudentCoverage found = coverage.student(studentId, from, to);
        audit.read("student-coverage", studentId, studentId);
        return found;
    }
}
