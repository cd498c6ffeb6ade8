package org.iepservices.schedule.solver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.rest.Paging;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.service.ScheduleAcceptance;
import org.iepservices.schedule.service.SchedulerPlanning;
import org.iepservices.schedule.solver.ScheduleProblem;
import org.iepservices.schedule.solver.ScheduleResult;
import org.iepservices.schedule.solver.SchedulerJobs;
import org.iepservices.schedule.solver.SchedulerJobs.JobStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;

@Path("/api/v1/scheduler/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic scheduler", description = "Plan a provider's week with the Timefold solver: submit the "
        + "provider and week (or the facts), poll the job, read the planned sessions, accept them as series.")
@RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
public class SchedulerJobResource {

    /** Fields of the facts-in-body variant: a request with weekOf must not carry them. */
    private static final List<String> FACT_FIELDS = List.of("students", "mandates", "activityBlocks", "availability",
            "travelTimes", "fixedSessions", "gridMinutes", "maxSessionsPerDay", "coreInstructionProtected");

    private final SchedulerJobs jobs;
    private final SchedulerPlanning planning;
    private final ScheduleAcceptance acceptance;
    private final ObjectMapper json;
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    SchedulerJobResource(SchedulerJobs jobs, SchedulerPlanning planning, ScheduleAcceptance acceptance,
                         ObjectMapper json, AccessScope scope, WriteAccess writes, AccessAudit audit) {
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.jobs = jobs;
        this.planning = planning;
        this.acceptance = acceptance;
        this.json = json;
    }

    /** Plan a provider's real caseload for one week, read from schedule-service's own data. */
    @Schema(name = "CaseloadJobRequest", description = "Plan the provider's caseload in the week containing weekOf, "
            + "from the database")
    public record CaseloadJobRequest(
            @Schema(required = true) UUID providerId,
            @Schema(description = "Only the students of this school (the provider's time elsewhere still counts)")
            UUID schoolId,
            @Schema(required = true, example = "2026-09-14", description = "Any date of the week to plan") LocalDate weekOf) {
    }

    @POST
    @Operation(summary = "Plan a provider's week",
            description = "Two forms. (1) `{providerId, schoolId?, weekOf}`: the problem is built from the database "
                    + "(the provider's mandates in force that week, with monthly and IEP-term frequencies turned into "
                    + "weekly sessions; the students' classes and activity blocks; availability, travel times, daily "
                    + "maximum; existing series of the provider and of other providers for the same students as "
                    + "fixed sessions); `notes` in the status say what was left out or converted. 404 for a provider "
                    + "nothing is known about, 422 when no mandate is in force that week or there is no "
                    + "availability. (2) A ScheduleProblem with every fact in the body, for integrators. Solving "
                    + "starts in the background; the response is the job's status and its Location. A problem that "
                    + "cannot be planned is refused with 422 listing every bad field. A provider plans their own "
                    + "week, a school admin one of their schools (schoolId required), a district admin anyone's (403).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {CaseloadJobRequest.class, ScheduleProblem.class})))
    @APIResponse(responseCode = "202", description = "Job accepted: its status (jobId) and Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobStatus.class)))
    @APIResponse(responseCode = "409", description = "The provider has a job queued or solving (existingJobId)")
    @APIResponse(responseCode = "503", description = "schedule.scheduler.max-active-jobs jobs queued or solving; "
            + "Retry-After says when to try again")
    public Response submit(@NotNull JsonNode body, @Context UriInfo uri) throws JsonProcessingException {
        if (!body.isObject()) { // a JSON null reads as no problem at all
            throw ProblemException.invalid("body", "must be a JSON object (a caseload request or a ScheduleProblem)");
        }
        JobStatus status;
        if (body.has("weekOf")) {
            List<String> mixed = FACT_FIELDS.stream().filter(body::has).toList();
            if (!mixed.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "Send either weekOf (the week is read from the "
                        + "database) or the facts, not both", mixed.stream()
                        .map(f -> new Violation(f, "not allowed together with weekOf")).toList());
            }
            CaseloadJobRequest request = json.treeToValue(body, CaseloadJobRequest.class);
            List<Violation> missing = new ArrayList<>();
            if (request.providerId() == null) {
                missing.add(new Violation("providerId", "is required"));
            }
            if (request.weekOf() == null) {
                missing.add(new Violation("weekOf", "is required (YYYY-MM-DD, any date of the week)"));
            }
            if (!missing.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, missing.size() == 1 ? missing.get(0).field()
                        + ": " + missing.get(0).message() : "2 fields are invalid", missing);
            }
            writes.scheduler(request.providerId(), request.schoolId());
            status = planning.submit(request.providerId(), request.schoolId(), request.weekOf());
        } else {
            ScheduleProblem problem = json.treeToValue(body, ScheduleProblem.class);
            writes.scheduler(problem.providerId(), problem.schoolId());
            status = jobs.submit(problem);
        }
        audit.write("scheduler-job", status.jobId(), studentsOf(status.jobId()));
        return Response.accepted(status)
                .location(uri.getAbsolutePathBuilder().path(status.jobId().toString()).build())
                .build();
    }

    @GET
    @Operation(summary = "List scheduler jobs", description = "The jobs (stored in the database, any replica "
            + "answers) that concern the caller (a provider's own, a school admin's schools', all for a district admin), newest first, "
            + "paged with limit/offset, X-Total-Count and Link headers.")
    @APIResponse(responseCode = "200", description = "One page, newest first; X-Total-Count and Link headers",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = JobStatus.class)))
    public Response list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, @Context UriInfo uri) {
        // the caller's filter needs each job's problem (its school), so it runs here rather than in a query
        List<JobStatus> all = jobs.list().stream().filter(j -> concerns(j)).toList();
        List<JobStatus> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        Set<UUID> students = new LinkedHashSet<>();
        page.forEach(j -> students.addAll(studentsOf(j.jobId())));
        audit.read("scheduler-jobs", null, students);
        return Paging.page(page, all.size(), limit, offset, uri);
    }

    /** Whether the job concerns the caller: their own week, a week at their school, any for a district admin. */
    private boolean concerns(JobStatus status) {
        UUID school = status.schoolId() != null ? status.schoolId() : jobs.problem(status.jobId()).schoolId();
        return writes.seesJob(status.providerId(), school);
    }

    /** The job's status if it concerns the caller; 404 like an unknown job otherwise. */
    private JobStatus visible(UUID id) {
        JobStatus status = jobs.status(id);
        if (!concerns(status)) {
            throw SchedulerJobs.unknown(id);
        }
        return status;
    }

    /** The students of the job's problem the caller may see. */
    private Set<UUID> studentsOf(UUID jobId) {
        ScheduleProblem problem = jobs.problem(jobId);
        Set<UUID> ids = new LinkedHashSet<>();
        if (problem.students() != null) {
            problem.students().forEach(s -> ids.add(s.studentId()));
        }
        return scope.visible(ids);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status of a job", description = "QUEUED, SOLVING, DONE, CANCELLED or FAILED, with the best "
            + "score so far (hard conflicts / unplaced mandated minutes / soft preferences), the minutes placed, "
            + "the upper bound of placeable minutes (no week free of hard conflicts places more) and placed / bound.")
    public JobStatus status(@PathParam("id") UUID id) {
        JobStatus status = visible(id);
        audit.read("scheduler-job", id, studentsOf(id));
        return status;
    }

    @GET
    @Path("/{id}/result")
    @Operation(summary = "The best week found so far", description = "Planned sessions (a group session once with "
            + "all its students; push-in with the activity block joined), sessions left unplaced with the reason, "
            + "the score per rule and the metrics: placed vs mandated minutes and vs the upper bound of placeable "
            + "minutes, hard conflicts, share of push-in minutes in goal-matching activities, share of pull-out "
            + "minutes outside core instruction. Students outside the caller's scope are not named (their sessions are left out).")
    public ScheduleResult result(@PathParam("id") UUID id) {
        visible(id);
        ScheduleResult result = jobs.result(id);
        if (!scope.everyone()) {
            result = result.naming(scope.visible(result.studentIds()));
        }
        audit.read("scheduler-result", id, result.studentIds());
        return result;
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept the planned week as recurring series",
            description = "Each proposed session (all not accepted yet, or those in `sessionIds`) becomes a series "
                    + "through the same service as POST /api/v1/session-series: validated and conflict-checked "
                    + "against today's data, occurrences generated, SessionSeriesScheduled published per student. "
                    + "A group session becomes one series with all its students. Series run from `effectiveFrom` "
                    + "(default the first day of the job's week; at the latest start of the students' mandates, "
                    + "on a school day of a calendar) to the earliest end of the students' mandates (at most the "
                    + "school year's last day). Pull-outs go to `room`, else the mandate's pull-out location. The "
                    + "answer lists the series created and every session that could not be, with the reason "
                    + "(conflicts, violations). The job must be DONE or CANCELLED (409 while solving). Accepting a "
                    + "session a second time is refused with 409 and creates nothing; unknown or fixed session ids "
                    + "422; an unknown job 404. Any replica accepts: jobs are stored in the database.")
    @APIResponse(responseCode = "200", description = "What was created and what was not")
    @APIResponse(responseCode = "404", description = "Unknown job")
    @APIResponse(responseCode = "409", description = "Still solving, or sessions accepted already")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScheduleAcceptance.Request.class)))
    public ScheduleAcceptance.Outcome accept(@PathParam("id") UUID id, String body) throws JsonProcessingException {
        // the body is optional (accept everything from the job's week), so it is read by hand: a request
        // without one, or without a Content-Type, is as good as {}
        visible(id);
        ScheduleAcceptance.Request request = body == null || body.isBlank() ? null
                : json.readValue(body, ScheduleAcceptance.Request.class);
        // each series is created (and audited) as by POST /api/v1/session-series, with the same access rules
        return acceptance.accept(id, request);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop a job", description = "Solving stops; the best week found so far stays the result.")
    public JobStatus cancel(@PathParam("id") UUID id) {
        visible(id);
        JobStatus status = jobs.cancel(id);
        audit.write("scheduler-job", id, studentsOf(id));
        return status;
    }
}
