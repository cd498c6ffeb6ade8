package org.iepservices.session.api;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
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
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.session.domain.GoalObservation;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.service.AddendumService;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.MakeupService;
import org.iepservices.session.service.SessionLogService;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final CallerAccess access;
    private final AccessAudit audit;

    SessionLogResource(SessionLogService service, MakeupService makeups, AddendumService addenda,
                       CallerAccess access, AccessAudit audit) {
        this.service = service;
        this.makeups = makeups;
        this.addenda = addenda;
        this.access = access;
        this.audit = audit;
    }

    /** The log as this caller may see it: only the lines of students in their scope (all of their own log's). */
    private SessionLogResponse response(SessionLog log) {
        return response(log, access.visibleStudents(log));
    }

    private SessionLogResponse response(SessionLog log, Set<UUID> visible) {
        return SessionLogResponse.of(log, makeups.linksOf(log.id), addenda.of(log.id), GoalObservation.of(log.id))
                .onlyStudents(visible);
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
                    + "body is a 422. Providers document their own sessions for students on their caseload; a "
                    + "district admin may prepare a draft for a provider of the district.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Malformed JSON or missing fields")
    @APIResponse(responseCode = "403", description = "Not the caller's own session (providers document their own), "
            + "or a student outside the caller's caseload or district")
    @APIResponse(responseCode = "409", description = "The occurrence is already documented for a student")
    @APIResponse(responseCode = "422", description = "A rule is broken, or a referenced record is not known yet "
            + "(then with Retry-After)")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
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
                    + "limit/offset, X-Total-Count and Link headers. Only the logs the caller may see are listed and "
                    + "counted: a provider's own logs; for an admin the logs with a student of their schools or "
                    + "district, showing only those students.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("studentId") UUID studentId,
                         @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                         @QueryParam("status") SessionStatus status,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                         UriInfo uri) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder(access.logCondition());
        Parameters params = access.bindLogs(new Parameters());
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
        Map<UUID, Set<UUID>> visible = access.visibleStudents(page);
        Set<UUID> shown = new LinkedHashSet<>();
        visible.values().forEach(shown::addAll);
        if (!shown.isEmpty()) {
            audit.read(SessionLogService.AUDIT_RESOURCE, null, shown);
        }
        return Paging.page(page.stream().map(l -> response(l, visible.get(l.id))).toList(), total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a session log", description = "With its goal data, push-in context, signature, "
            + "makeup repayments and addenda (the original values stay readable). The ETag is the log's version. "
            + "A log the caller may not see is a 404, like one that does not exist.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response get(@PathParam("id") UUID id) {
        SessionLog log = service.visible(id);
        Set<UUID> visible = access.visibleStudents(log);
        audit.read(SessionLogService.AUDIT_RESOURCE, log.id, visible);
        return Response.ok(response(log, visible)).tag(Long.toString(log.version)).build();
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
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
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
                    + "SessionAmended event. Drafts are not amended (409): edit them with PUT. The log's provider "
            + "corrects anything; a district admin attendance and minutes only (goal data and progress notes are "
            + "the clinician's, 403). The addendum records who wrote it from the token.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    @APIResponse(responseCode = "201", description = "Addendum recorded; the body is the corrected log")
    @APIResponse(responseCode = "409", description = "The log is still a draft")
    @APIResponse(responseCode = "422", description = "The correction breaks a rule, or changes nothing")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull AddendumRequest request) {
        addenda.amend(id, request);
        SessionLog log = service.visible(id);
        return Response.status(Response.Status.CREATED).entity(response(log)).tag(Long.toString(log.version)).build();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Sign, complete and lock a session log",
            description = "Records the signature (who, credentials, when) and publishes SessionCompleted for every "
                    + "student credited with minutes, with attendance, goal data, push-in context, progress note "
                    + "and the misses a makeup repays. A completed log cannot be completed or edited again (409). "
                    + "Only the provider who ran the session signs: the staff id in the token must be the log's "
                    + "providerId (403 otherwise; nobody signs on a provider's behalf).")
    @APIResponse(responseCode = "200", description = "Completed and locked")
    @APIResponse(responseCode = "403", description = "The caller is not the log's provider")
    @APIResponse(responseCode = "409", description = "Already completed")
    @RolesAllowed(Role.PROVIDER_NAME)
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request) {
        SessionLog log = service.complete(id, request.signedBy(), request.credentials());
        return Response.ok(response(log)).tag(Long.toString(log.version)).build();
    }
}
