package org.iepservices.schedule.solver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.solver.SchedulerJobs.ProviderJobActive;
import org.iepservices.schedule.solver.SchedulerJobs.SchedulerBusy;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.UUID;

/**
 * Scheduler jobs refused for load: the queue is full (503 problem+json with Retry-After), or the
 * provider's week is being planned already (409 problem+json naming that job in {@code existingJobId}).
 */
public class SchedulerJobProblems {

    static final URI BUSY = URI.create("https://iepservices.org/problems/scheduler-busy");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobActiveProblem(URI type, String title, int status, String detail, URI instance,
                                   UUID existingJobId) {
    }

    @ServerExceptionMapper
    public Response busy(SchedulerBusy e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem(BUSY, "Scheduler busy", 503, e.getMessage(), instance(uri), null)).build();
    }

    @ServerExceptionMapper
    public Response providerJobActive(ProviderJobActive e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE).header("Location", "/api/v1/scheduler/jobs/" + e.jobId())
                .entity(new JobActiveProblem(ProblemType.CONFLICT.uri(), "Provider's week is being planned", 409,
                        e.getMessage(), instance(uri), e.jobId())).build();
    }

    private static URI instance(UriInfo uri) {
        try {
            return uri == null ? null : new URI(null, null, uri.getPath(), null);
        } catch (java.net.URISyntaxException e) {
            return null; // an odd path never turns a refusal into a 500
        }
    }
}
