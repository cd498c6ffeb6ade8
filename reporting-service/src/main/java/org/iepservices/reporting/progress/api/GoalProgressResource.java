package org.iepservices.reporting.progress.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.progress.service.GoalProgress;
import org.iepservices.reporting.progress.service.GoalProgressService;
import org.iepservices.reporting.service.KnownSubjects;
import org.iepservices.rest.Paging;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/goals")
@Tag(name = "Goal progress", description = "IEP goal data over time, trend and status against the target, as a chart")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class GoalProgressResource {

    static final String SVG = "image/svg+xml";

    private final GoalProgressService service;
    private final KnownSubjects known;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    GoalProgressResource(GoalProgressService service, KnownSubjects known, VisibleStudents visible,
                         AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
        this.known = known;
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of every goal of a student",
            description = "Goals of the IEP in force first (in IEP order), then goals of earlier versions, then goals "
                    + "known only from session data. Each with its data points (date, setting, value), trend (least-"
                    + "squares slope over the last N points: IMPROVING / FLAT / DECLINING) and status against the "
                    + "target (MET / ON_TRACK / NOT_ON_TRACK / INSUFFICIENT_DATA / NO_TARGET). Paged with limit/offset; "
                    + "X-Total-Count and Link headers.")
    @APIResponse(responseCode = "200", description = "The goals, paged", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GoalProgressResponse.class)))
    @APIResponse(responseCode = "404", description = "No event about this student has reached reporting")
    public Response list(@PathParam("studentId") UUID studentId,
                         @Parameter(description = "Page size, 1-500 (default 50)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
                         @Parameter(description = "Goals to skip (default 0)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("offset") String offset,
                         @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        int size = params.integer("limit", limit, Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        int skip = params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        params.check();
        requireStudent(studentId);
        List<GoalProgress> goals = service.goals(studentId, null);
        List<GoalProgressResponse> page = goals.stream().skip(skip).limit(size)
                .map(g -> GoalProgressResponse.of(g, service.rules())).toList();
        audit.read("goal-progress", studentId, studentId);
        return Paging.page(page, goals.size(), size, skip, uri);
    }

    @GET
    @Path("/{goalId}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of one goal",
            description = "The goal's data points from session goal data (percent accuracy, frequency, cue level) with "
                    + "the setting and date of each, the trend and the status against the IEP target. Points of a "
                    + "session later amended to 0 minutes are left out.")
    @APIResponse(responseCode = "200", description = "The goal's progress")
    @APIResponse(responseCode = "404", description = "Neither an IEP nor any session data names this goal for this student")
    public GoalProgressResponse one(@PathParam("studentId") UUID studentId, @PathParam("goalId") UUID goalId) {
        GoalProgressResponse response = GoalProgressResponse.of(goal(studentId, goalId), service.rules());
        audit.read("goal-progress", goalId, studentId);
        return response;
    }

    @GET
    @Path("/{goalId}/progress/chart.svg")
    @Produces(SVG)
    @Operation(summary = "The goal's progress as an SVG line chart",
            description = "Data points over time joined by a line, push-in points as orange triangles and pull-out "
                    + "points as blue squares, the IEP target as a dashed green line, with a legend. Each point is an "
                    + "SVG group with a <title> (date, setting, value).")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown goal for this student")
    public Response chart(@PathParam("studentId") UUID studentId, @PathParam("goalId") UUID goalId,
                          @Parameter(description = "Width in pixels, 300-2000 (default 720)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("width") String width,
                          @Parameter(description = "Height in pixels, 200-1500 (default 420)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("height") String height) {
        QueryParams params = new QueryParams();
        int w = params.integer("width", width, 720, 300, 2000);
        int h = params.integer("height", height, 420, 200, 1500);
        params.check();
        GoalProgress goal = goal(studentId, goalId);
        String title = goal.known() ? goal.wording().description : "Goal " + goalId;
        String svg = GoalProgressChart.svg(new GoalProgressChart.Data(title, goal.evaluation().metric(),
                goal.evaluation().status().target(), goal.points(), goal.evaluation().spec()), w, h);
        audit.read("goal-progress-chart", goalId, studentId);
        return Response.ok(svg, SVG).build();
    }

    private GoalProgress goal(UUID studentId, UUID goalId) {
        if (!visible.sees(studentId)) {
            throw ProblemException.notFound("Goal " + goalId + " of student", studentId);
        }
        return service.goal(studentId, goalId)
                .orElseThrow(() -> ProblemException.notFound("Goal " + goalId + " of student", studentId));
    }

    private void requireStudent(UUID studentId) {
        if (!known.student(studentId) || !visible.sees(studentId)) {
            throw ProblemException.notFound("Student", studentId);
        }
    }
}
