package org.iepservices.session.api;

import io.quarkus.panache.common.Parameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.session.domain.GoalObservation;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.service.AddendumService;
import org.iepservices.session.service.MakeupService;
import org.iepservices.session.service.SessionLogService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/session-logs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session logs", description = "Documenting sessions: attendance, credited minutes, goal data, push-in "
        + "context; signing and locking; addenda")
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
        return SessionLogResponse.of(log, makeups.linksOf(log.id), addenda.of(log.id), GoalObservation.of(log.id));
    }

    @POST
    @Operation(summary = "Document a session (draft)",
            description = "Creates a draft log, for a scheduled occurrence (occurrenceId: times, setting, students, "
                    + "mandates and push-in class come from the schedule) or ad hoc. The provider, every mandate "
                    + "(the student's, in force on the date, of the provider's discipline) and every goal (of the "
                    + "student's IEP) are checked against the copies from roster.events and iep.events; one not "
                    + "received yet gives a 422 with Retry-After whose violations start with 'not known yet'. "
                    + "Send an Idempotency-Key so that a tablet retrying on a flaky connection never creates two "
                    + "logs: a repeat with the same key and body returns the first log, the same key with another "
                    + "body is a 422.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Malformed JSON or missing fields")
    @APIResponse(responseCode = "409", description = "The occurrence is already documented for a student")
    @APIResponse(responseCode = "422", description = "A rule is broken, or a referenced record is not known yet "
            + "(then with Retry-After)")
    public Response create(@Valid @NotNull SessionLogRequest request,
                           @Parameter(description = "Client-chosen key, unique per intended log")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           UriInfo uri) {
        SessionLogService.Created created;
        try {
            created = service.create(request, idempotencyKey);
        } catch (RuntimeException e) {
            // Two requests with the same key raced: the loser's insert hit the unique key; replay the winner.
            if (idempotencyKey == null || !UniqueViolation.in(e)) {
                throw e;
            }
            created = service.replay(idempotencyKey, service.hash(request)).orElseThrow(() -> e);
        }
        SessionLog log = created.log();
        return Response.status(created.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(uri.getBaseUriBuilder().path("api/v1/session-logs").path(log.id.toString()).build())
                .tag(Long.toString(log.version))
                .entity(response(log))
                .build();
    }

    @GET
    @Operation(summary = "List session logs",
            description = "Filtered by provider, student, date range and status; newest first. Paged with "
                    + "limit/offset, X-Total-Count and Link headers.")
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("studentId") UUID studentId,
                         @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                         @QueryParam("status") SessionStatus status,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                         UriInfo uri) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (providerId != null) {
            where.append(" and providerId = :provider");
            params.and("provider", providerId);
        }
        if (studentId != null) {
            where.append(" and id in (select l.id from SessionLog l join l.students s where s.studentId = :student)");
            params.and("student", studentId);
        }
        if (from != null) {
            where.append(" and sessionDate >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and sessionDate <= :to");
            params.and("to", to);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        String query = where.toString();
        long total = SessionLog.count(query, params);
        List<SessionLog> page = SessionLog.<SessionLog>find(query + " order by sessionDate desc, startTime desc, id",
                params).range(offset, offset + limit - 1).list();
        return Paging.page(page.stream().map(this::response).toList(), total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a session log", description = "With its goal data, push-in context, signature, "
            + "makeup repayments and addenda (the original values stay readable). The ETag is the log's version.")
    public Response get(@PathParam("id") UUID id) {
        SessionLog log = service.get(id);
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit a draft session log",
            description = "Replaces the draft's content with the same rules as a create. A completed log is "
                    + "locked: 409, correct it with an addendum. Send If-Match with the ETag to avoid overwriting "
                    + "a concurrent edit (412).")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "409", description = "The log is completed and locked")
    @APIResponse(responseCode = "412", description = "The log changed since the ETag sent in If-Match")
    @APIResponse(responseCode = "422", description = "A rule is broken, or a referenced record is not known yet")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull SessionLogRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SessionLog log = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }

    @POST
    @Path("/{id}/addenda")
    @Operation(summary = "Correct a completed, locked log with an addendum",
            description = "Records who, when, why and what changed (attendance, minutes, goal data, progress "
                    + "note); the original values stay readable. Every student whose credited minutes change gets a "
                    + "SessionAmended event. Drafts are not amended (409): edit them with PUT.")
    @APIResponse(responseCode = "201", description = "Addendum recorded; the body is the corrected log")
    @APIResponse(responseCode = "409", description = "The log is still a draft")
    @APIResponse(responseCode = "422", description = "The correction breaks a rule, or changes nothing")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull AddendumRequest request) {
        addenda.amend(id, request);
        SessionLog log = service.get(id);
        return Response.status(Response.Status.CREATED).entity(response(log)).tag(Long.toString(log.version)).build();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Sign, complete and lock a session log",
            description = "Records the signature (who, credentials, when) and publishes SessionCompleted for every "
                    + "student credited with minutes, with attendance, goal data, push-in context, progress note "
                    + "and the misses a makeup repays. A completed log cannot be completed or edited again (409).")
    @APIResponse(responseCode = "200", description = "Completed and locked")
    @APIResponse(responseCode = "409", description = "Already completed")
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request) {
        SessionLog log = service.complete(id, request.signedBy(), request.credentials());
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }
}
