package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.repository.StudentScopeQuery;
import org.iepservices.student.service.StudentAccess;
import io.quarkus.panache.common.Parameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.rest.Paging;
import org.iepservices.student.domain.CaseloadAssignment;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.ServiceType;
import org.iepservices.student.service.CaseloadService;
import org.iepservices.student.service.command.AssignmentRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/caseload-assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Caseload assignments", description = "Which provider serves which student: follows the providers named "
        + "on IEP mandates, plus assignments made by hand (a covering provider). Decides what a provider may see.")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
public class CaseloadAssignmentResource {

    public record AssignmentResponse(UUID id, UUID studentId, UUID providerId,
                                     @Schema(description = "MANDATE (follows the IEP) or MANUAL") CaseloadAssignment.Source source,
                                     @Schema(description = "The mandate followed; null for a manual assignment") UUID mandateId,
                                     ServiceType serviceType, Discipline discipline, LocalDate startDate,
                                     LocalDate endDate, boolean active,
                                     @Schema(description = "Active and not past its end date today") boolean inEffect,
                                     String note, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static AssignmentResponse of(CaseloadAssignment a, LocalDate today) {
            return new AssignmentResponse(a.id, a.studentId, a.providerId, a.source, a.mandateId, a.serviceType,
                    a.discipline, a.startDate, a.endDate, a.active, a.inEffectOn(today), a.note, a.createdAt,
                    a.updatedAt);
        }
    }

    private final CaseloadService service;
    private final StudentAccess access;

    CaseloadAssignmentResource(CaseloadService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    /** An assignment of a student the caller may see; otherwise 404 as if it did not exist. */
    private CaseloadAssignment visible(UUID id) {
        CaseloadAssignment a = CaseloadAssignment.findById(id);
        if (a == null || !access.scope().includes(CaseloadAssignment.getEntityManager(), a.studentId)) {
            throw ProblemException.notFound("Caseload assignment", id);
        }
        return a;
    }

    @POST
    @Operation(summary = "Assign a provider to a student by hand",
            description = "For a covering or additional provider without an IEP amendment (reassigning a provider is "
                    + "not an IEP change). The provider must be a related-service provider whose discipline delivers "
                    + "serviceType (422 listing every bad field, nothing stored); an assignment already in effect for "
                    + "the same student, provider and service is 409. Publishes CaseloadAssignmentChanged.")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "409", description = "Already assigned")
    @APIResponse(responseCode = "422", description = "Unknown student or provider, wrong discipline, bad dates")
    @Transactional
    public Response assign(@Valid @NotNull AssignmentRequest request, UriInfo uri) {
        // A student outside the admin's schools is refused exactly like an unknown one.
        boolean visible = access.scope().includes(CaseloadAssignment.getEntityManager(), request.studentId());
        CaseloadAssignment a = service.assign(request, visible);
        access.write("caseload-assignment", a.id, a.studentId);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                .entity(AssignmentResponse.of(a, service.today())).build();
    }

    @GET
    @Operation(summary = "List caseload assignments",
            description = "Filters: studentId, providerId, source (MANDATE or MANUAL), inEffect (true: active and not "
                    + "past the end date today; false: ended). Newest start first; limit/offset with X-Total-Count and "
                    + "Link headers.")
    public Response list(@QueryParam("studentId") UUID studentId, @QueryParam("providerId") UUID providerId,
                         @QueryParam("source") CaseloadAssignment.Source source,
                         @Parameter(description = "true: in effect today; false: ended")
                         @QueryParam("inEffect") Boolean inEffect,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        LocalDate today = service.today();
        StudentScopeQuery scope = access.scope();
        String where = scope.jpql("studentId") + " and (:student is null or studentId = :student) and (:provider is null or providerId = :provider)"
                + " and (:source is null or source = :source)"
                + " and (:inEffect is null"
                + " or (:inEffect = true and active = true and (endDate is null or endDate >= :today))"
                + " or (:inEffect = false and (active = false or endDate < :today)))";
        Parameters params = Parameters.with("student", studentId).and("provider", providerId).and("source", source)
                .and("inEffect", inEffect).and("today", today);
        scope.parameters().forEach(params::and);
        long total = CaseloadAssignment.count(where, params);
        List<AssignmentResponse> items = CaseloadAssignment.<CaseloadAssignment>find(
                        where + " order by startDate desc, createdAt desc, id", params)
                .range(offset, offset + limit - 1).list().stream().map(a -> AssignmentResponse.of(a, today)).toList();
        access.read("caseload-assignment", null, items.stream().map(AssignmentResponse::studentId).toList());
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a caseload assignment")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @Transactional
    public AssignmentResponse get(@PathParam("id") UUID id) {
        CaseloadAssignment a = visible(id);
        access.read("caseload-assignment", id, a.studentId);
        return AssignmentResponse.of(a, service.today());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a caseload assignment today",
            description = "Manual or from a mandate (the provider leaves; the IEP stays as it is). The row stays as "
                    + "history, inactive with today as its end date. Publishes CaseloadAssignmentChanged. 409 when it "
                    + "has already ended.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "409", description = "Already ended")
    @Transactional
    public Response end(@PathParam("id") UUID id) {
        CaseloadAssignment a = visible(id);
        service.release(id);
        access.write("caseload-assignment", id, a.studentId);
        return Response.noContent().build();
    }
}
