package org.iepservices.reporting.edfi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Actor;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.access.VisibleStudents;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.edfi.service.EdFiPushes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pushes of the district's Ed-Fi records to its ODS/API (configured per deployment, off by default). */
@Path("/api/v1/edfi/districts/{districtId}/pushes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ed-Fi")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
@SecurityRequirement(name = "jwt")
public class EdFiPushResource {

    /** Failures listed in a push's status; the counts cover all of them. */
    static final int FAILURES_SHOWN = 200;

    @Schema(name = "EdFiPushStatus", description = "A push: its state, records sent and refused per resource, "
            + "and the records the ODS refused with its message")
    public record PushStatus(UUID pushId, UUID districtId, LocalDate from, LocalDate to, EdFiPushes.Status status,
                             String requestedBy, OffsetDateTime requestedAt, OffsetDateTime startedAt,
                             OffsetDateTime finishedAt, int sent, int failed,
                             Map<String, EdFiPushes.Counts> resources, List<EdFiPushes.Failure> failures,
                             String error) {
        static PushStatus of(EdFiPushes.Run r, List<EdFiPushes.Failure> failures) {
            return new PushStatus(r.pushId(), r.districtId(), r.from(), r.to(), r.status(), r.requestedBy(),
                    r.requestedAt(), r.startedAt(), r.finishedAt(), r.sent(), r.failed(), r.resources(), failures,
                    r.error());
        }
    }

    private final EdFiPushes pushes;
    private final VisibleStudents visible;
    private final Instance<Actor> actor;

    EdFiPushResource(EdFiPushes pushes, VisibleStudents visible, Instance<Actor> actor) {
        this.pushes = pushes;
        this.visible = visible;
        this.actor = actor;
    }

    @POST
    @Operation(operationId = "startEdFiPush", summary = "Push the district's Ed-Fi records to its ODS/API",
            description = "Starts a push (202 + Location of its status): every StudentIEP, "
                    + "StudentIEPServicePrescription, StudentIEPGoal and StudentIEPServiceDelivery the export gives for "
                    + "[from, to] (both optional), in that order, each POSTed to {edfi.ods.base-url}/<resource> with an "
                    + "OAuth2 client-credentials token (an Ed-Fi POST upserts by natural key, so a push can be "
                    + "repeated). 5xx and connection failures are retried with backoff; a 4xx is recorded with the "
                    + "ODS's message and the push goes on. The push is recorded in the access trail as an EXPORT of "
                    + "the students it sends. 409 when pushes are not configured (edfi.ods.enabled=false).")
    @APIResponse(responseCode = "202", description = "Push queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushStatus.class)))
    @APIResponse(responseCode = "400", description = "A bad date, or to before from")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    @APIResponse(responseCode = "409", description = "Ed-Fi pushes are not configured in this deployment")
    public Response startPush(@PathParam("districtId") UUID districtId,
                              @QueryParam("from") @Parameter(description = "First date (YYYY-MM-DD)") String from,
                              @QueryParam("to") @Parameter(description = "Last date (YYYY-MM-DD)") String to,
                              @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        if (start != null && end != null && end.isBefore(start)) {
            params.violation("to", "must not be before from");
        }
        params.check();
        visible.requireDistrict(districtId);
        EdFiPushes.Run run = pushes.request(districtId, start, end, actor.get().subject());
        pushes.launch(run.pushId());
        return Response.accepted(PushStatus.of(run, List.of()))
                .location(uri.getAbsolutePathBuilder().path(run.pushId().toString()).build()).build();
    }

    @GET
    @Path("/{pushId}")
    @Operation(operationId = "getEdFiPush", summary = "A push's status",
            description = "QUEUED, RUNNING (counts so far), DONE (every record tried) or FAILED (could not go on: "
                    + "error); sent and failed in total and per resource, and the first 200 refused records with "
                    + "their natural key, HTTP status, the ODS's message and the attempts made.")
    @APIResponse(responseCode = "404", description = "No such push of the caller's district")
    @APIResponse(responseCode = "200", description = "The push",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushStatus.class)))
    public PushStatus getPush(@PathParam("districtId") UUID districtId, @PathParam("pushId") UUID pushId) {
        visible.requireDistrict(districtId);
        EdFiPushes.Run run = pushes.find(districtId, pushId)
                .orElseThrow(() -> ProblemException.notFound("Ed-Fi push", pushId));
        return PushStatus.of(run, pushes.failures(pushId, FAILURES_SHOWN));
    }

    @GET
    @Operation(operationId = "listEdFiPushes", summary = "The district's latest pushes", description = "Newest first, at most 50, without failures.")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    @APIResponse(responseCode = "200", description = "The latest pushes, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = PushStatus.class)))
    public List<PushStatus> listPushes(@PathParam("districtId") UUID districtId) {
        visible.requireDistrict(districtId);
        return pushes.list(districtId, 50).stream().map(r -> PushStatus.of(r, List.of())).toList();
    }
}
