package org.iepservices.schedule.solver.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.iepservices.rest.Paging;
import java.util.List;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.schedule.solver.ScheduleProblem;
import org.iepservices.schedule.solver.ScheduleResult;
import org.iepservices.schedule.solver.SchedulerJobs;
import org.iepservices.schedule.solver.SchedulerJobs.JobStatus;

import java.util.UUID;

@Path("/api/v1/scheduler/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic scheduler", description = "Plan a provider's week with the Timefold solver: submit the "
        + "caseload, poll the job, read the planned sessions.")
public class SchedulerJobResource {

    private final SchedulerJobs jobs;

    SchedulerJobResource(SchedulerJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Operation(summary = "Submit a schedule problem",
            description = "The body holds every fact the scheduler needs (students, mandates split by setting, "
                    + "class activity blocks, the provider's availability per school and weekday, travel times, "
                    + "fixed sessions). Solving starts in the background; the response is the job's status and its "
                    + "Location. A problem that cannot be planned (unknown student of a mandate, a window ending "
                    + "before it starts...) is refused with 422 listing every bad field.")
    @APIResponse(responseCode = "202", description = "Job accepted")
    public Response submit(@NotNull ScheduleProblem problem, @Context UriInfo uri) {
        JobStatus status = jobs.submit(problem);
        return Response.accepted(status)
                .location(uri.getAbsolutePathBuilder().path(status.jobId().toString()).build())
                .build();
    }

    @GET
    @Operation(summary = "List scheduler jobs", description = "The jobs kept in memory (the last 50), newest first, "
            + "paged with limit/offset, X-Total-Count and Link headers.")
    public Response list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, @Context UriInfo uri) {
        List<JobStatus> all = jobs.list();
        List<JobStatus> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return Paging.page(page, all.size(), limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status of a job", description = "QUEUED, SOLVING, DONE, CANCELLED or FAILED, with the best "
            + "score so far (hard conflicts / unplaced mandated minutes / soft preferences) and the minutes placed.")
    public JobStatus status(@PathParam("id") UUID id) {
        return jobs.status(id);
    }

    @GET
    @Path("/{id}/result")
    @Operation(summary = "The best week found so far", description = "Planned sessions (a group session once with "
            + "all its students; push-in with the activity block joined), sessions left unplaced with the reason, "
            + "the score per rule and the metrics: placed vs mandated minutes, hard conflicts, share of push-in "
            + "minutes in goal-matching activities, share of pull-out minutes outside core instruction.")
    public ScheduleResult result(@PathParam("id") UUID id) {
        return jobs.result(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop a job", description = "Solving stops; the best week found so far stays the result.")
    public JobStatus cancel(@PathParam("id") UUID id) {
        return jobs.cancel(id);
    }
}
