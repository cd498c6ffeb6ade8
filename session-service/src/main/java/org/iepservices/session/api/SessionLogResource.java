package org.iepservices.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.service.AddendumService;
import org.iepservices.session.service.MakeupService;
import org.iepservices.session.service.SessionLogService;

import java.util.UUID;

@Path("/api/v1/session-logs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session logs")
public class SessionLogResource {

    private final SessionLogService service;
    private final MakeupService makeups;
    private final AddendumService addenda;

    SessionLogResource(SessionLogService service, MakeupService makeups, AddendumService addenda) {
        this.service = service;
        this.makeups = makeups;
        this.addenda = addenda;
    }

    private SessionLogResponse response(SessionLog log) {
        return SessionLogResponse.of(log, makeups.linksOf(log.id), addenda.of(log.id));
    }

    @POST
    @Operation(summary = "Document a session (draft)",
            description = "Creates a draft log. Send an Idempotency-Key so that a tablet retrying on a flaky "
                    + "connection never creates two logs: a repeat with the same key returns the first log.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "422", description = "Inconsistent minutes or times")
    public Response create(@Valid @NotNull SessionLogRequest request,
                           @Parameter(description = "Client-chosen key, unique per intended log")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           UriInfo uri) {
        SessionLogService.Created created = service.create(request, idempotencyKey);
        SessionLog log = created.log();
        return Response.status(created.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(log.id.toString()).build())
                .tag(Long.toString(log.version))
                .entity(response(log))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a session log")
    public Response get(@PathParam("id") UUID id) {
        SessionLog log = service.get(id);
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }

    @POST
    @Path("/{id}/addenda")
    @Operation(summary = "Correct a completed, locked log with an addendum",
            description = "Records who, when, why and what changed; the original values stay readable. Every student "
                    + "whose credited minutes change gets a SessionAmended event. Drafts are not amended (409).")
    @APIResponse(responseCode = "201", description = "Addendum recorded; the body is the corrected log")
    @APIResponse(responseCode = "409", description = "The log is still a draft")
    @APIResponse(responseCode = "422", description = "The corrected minutes break a rule, or nothing changes")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull AddendumRequest request, UriInfo uri) {
        addenda.amend(id, request);
        SessionLog log = service.get(id);
        return Response.status(Response.Status.CREATED).entity(response(log)).tag(Long.toString(log.version)).build();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Sign, complete and lock a session log",
            description = "Publishes SessionCompleted for every student credited with minutes. A completed log "
                    + "cannot be completed or edited again (409).")
    @APIResponse(responseCode = "200", description = "Completed and locked")
    @APIResponse(responseCode = "409", description = "Already completed")
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request) {
        SessionLog log = service.complete(id, request.signedBy(), request.credentials());
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }
}
