package org.iepservices.reporting.progress.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.progress.config.ProgressConfig;
import org.iepservices.reporting.progress.service.TeacherPushInService;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/teachers/{teacherId}/push-in")
@Tag(name = "Teacher view", description = "Push-in sessions in a teacher's classes, without clinical data")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.TEACHER_NAME})
public class TeacherPushInResource {

    private static final long MAX_DAYS = 120;

    private final TeacherPushInService service;
    private final ProgressConfig config;
    private final ReportingClock clock;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    TeacherPushInResource(TeacherPushInService service, ProgressConfig config, ReportingClock clock,
                          VisibleStudents visible, AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upcoming push-in sessions in a teacher's classes and the latest debrief notes",
            description = "The teacher's classes are those they are enrolled in as teacher or aide (roster) and those "
                    + "push-in series list them for. Upcoming sessions come from the scheduled occurrences of push-in "
                    + "series in those classes, cancellations left out and moves applied, one entry per slot with its "
                    + "students and provider. Debriefs are the provider's teacher debrief notes of completed push-in "
                    + "sessions in those classes, newest first. Goal data, progress and anecdotal notes and Medicaid "
                    + "data are never part of this view.")
    @APIResponse(responseCode = "200", description = "The teacher's push-in view")
    @APIResponse(responseCode = "400", description = "Bad dates or range")
    @APIResponse(responseCode = "404", description = "No roster or schedule event names this teacher")
    public TeacherPushInService.View view(@PathParam("teacherId") UUID teacherId,
                                          @Parameter(description = "First day (YYYY-MM-DD), default today in the district's time zone")
                                          @QueryParam("from") String from,
                                          @Parameter(description = "Last day (YYYY-MM-DD), default from + progress.teacher.days-ahead")
                                          @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        params.check();
        start = start != null ? start : clock.today();
        end = end != null ? end : start.plusDays(config.teacher().daysAhead());
        params.range(start, end, MAX_DAYS);
        params.check();
        visible.requireOwnStaffView(teacherId, "Teacher");
        if (!service.teacherKnown(teacherId)) {
            throw ProblemException.notFound("Teacher", teacherId);
        }
        TeacherPushInService.View view = service.view(teacherId, start, end, config.teacher().debriefs(),
                visible.condition("s.student_id"), visible.condition("p.student_id"));
        audit.read("teacher-push-in", teacherId, view.studentIds());
        return view;
    }
}
