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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.session.domain.MissOrigin;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.MissService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/misses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Misses", description = "Missed sessions under the district makeup policy, IEP-team review, makeups")
public class MissResource {

    private final MissService service;
    private final CallerAccess access;
    private final AccessAudit audit;

    MissResource(MissService service, CallerAccess access, AccessAudit audit) {
        this.service = service;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Record a missed session",
            description = "The makeup policy of the student's district (through the school's district) decides from "
                    + "the reason whether the minutes are owed (OWED / NOT_OWED / REVIEW). The mandate must be the "
                    + "student's and in force on the date. With occurrenceId the details come from the scheduled "
                    + "occurrence. Publishes SessionMissed. A provider records the misses of their own sessions for "
                    + "students on their caseload; a district admin any miss in the district.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not the caller's own session, or a student outside their scope")
    @APIResponse(responseCode = "409", description = "The occurrence is already documented for the student")
    @APIResponse(responseCode = "422", description = "A rule is broken (e.g. OTHER without a note), or the student, "
            + "school, mandate or provider is not known yet (then with Retry-After)")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response record(@Valid @NotNull MissRequest request, UriInfo uri) {
        MissedSession miss = service.record(request);
        return Response.created(uri.getAbsolutePathBuilder().path(miss.id.toString()).build())
                .entity(MissResponse.of(miss)).build();
    }

    @GET
    @Operation(summary = "List missed sessions",
            description = "Filtered by student, provider, district, verdict (e.g. owed=REVIEW: the IEP team's "
                    + "queue), reason, origin (SYSTEM or PERSON) and date range; oldest first. Paged with limit/offset, X-Total-Count and Link. "
                    + "Only misses the caller may see are listed and counted: students of their caseload, schools or "
                    + "district, and a provider's own.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response list(@QueryParam("studentId") UUID studentId, @QueryParam("providerId") UUID providerId,
                         @QueryParam("districtId") UUID districtId, @QueryParam("owed") OwedVerdict owed,
                         @QueryParam("reason") MissReason reason,
                         @QueryParam("origin") MissOrigin origin,
                         @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                         UriInfo uri) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder(access.missCondition());
        Parameters params = access.bindMisses(new Parameters());
        filter(where, params, "studentId", "student", studentId);
        filter(where, params, "providerId", "provider", providerId);
        filter(where, params, "districtId", "district", districtId);
        filter(where, params, "owed", "owed", owed);
        filter(where, params, "reason", "reason", reason);
        filter(where, params, "origin", "origin", origin);
        if (from != null) {
            where.append(" and sessionDate >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and sessionDate <= :to");
            params.and("to", to);
        }
        long total = MissedSession.count(where.toString(), params);
        List<MissedSession> page = MissedSession.<MissedSession>find(where + " order by sessionDate, createdAt, id",
                params).range(offset, offset + limit - 1).list();
        List<UUID> students = page.stream().map(m -> m.studentId).distinct().toList();
        if (!students.isEmpty()) {
            audit.read(MissService.AUDIT_RESOURCE, null, students);
        }
        return Paging.page(page.stream().map(MissResponse::of).toList(), total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a missed session", description = "With the policy's verdict and, for a REVIEW, the "
            + "IEP team's resolution. A miss the caller may not see is a 404, like one that does not exist.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public MissResponse get(@PathParam("id") UUID id) {
        MissedSession miss = service.visible(id);
        audit.read(MissService.AUDIT_RESOURCE, miss.id, miss.studentId);
        return MissResponse.of(miss);
    }

    @POST
    @Path("/{id}/resolution")
    @Operation(summary = "Resolve a miss in REVIEW",
            description = "The IEP team decides whether a miss the district policy sent to REVIEW is OWED (a makeup "
                    + "can then repay it) or NOT_OWED, and who decided, when and why. Publishes MissResolved. A "
                    + "miss already decided is a 409. Recorded by a school admin (for their schools' students) or a "
                    + "district admin.")
    @RolesAllowed({Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "409", description = "The miss is not in REVIEW")
    @APIResponse(responseCode = "422", description = "owed is REVIEW")
    public MissResponse resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest request) {
        return MissResponse.of(service.resolve(id, request.owed(), request.decidedBy(), request.decidedOn(),
                request.note()));
    }

    private static void filter(StringBuilder where, Parameters params, String field, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }
}
