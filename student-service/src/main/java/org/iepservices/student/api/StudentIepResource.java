package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.student.service.command.IepCommands.IepRequest;
import org.iepservices.student.api.IepDtos.IepResponse;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.service.IepService;
import org.iepservices.student.service.StudentAccess;

import java.util.List;
import java.util.UUID;

/** A student's IEPs; single IEP versions live under /api/v1/ieps (IepResource). */
@Path("/api/v1/students/{studentId}/ieps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "IEPs")
public class StudentIepResource {

    private final IepService service;
    private final StudentAccess access;

    StudentIepResource(IepService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Transactional // maps goals and mandates in the same persistence context
    @Operation(summary = "Draft an IEP for a student",
            description = "A draft may be saved without mandates yet, but never inconsistent: each mandate's "
                    + "pushInSessions + pullOutSessions must equal sessionsPerInterval, its dates lie inside the IEP, "
                    + "its provider discipline fit the service (422 listing every field, nothing stored).")
    @APIResponse(responseCode = "201", description = "Draft created")
    @APIResponse(responseCode = "404", description = "No such student")
    @APIResponse(responseCode = "422", description = "The IEP would be inconsistent")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    public Response create(@PathParam("studentId") UUID studentId, @Valid @NotNull IepRequest request, UriInfo uri) {
        access.requireStudent(studentId);
        Iep iep = service.createDraft(studentId, request);
        access.write("iep", iep.id, studentId);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/ieps").path(iep.id.toString()).build())
                .tag(Long.toString(iep.version)).entity(IepResponse.of(iep)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "A student's IEP versions, newest first",
            description = "Every version of every IEP (drafts, in force, superseded, ended), newest effective date "
                    + "first; filter with status. Paginated with limit/offset, X-Total-Count and Link headers.")
    @APIResponse(responseCode = "404", description = "No such student")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    public Response ofStudent(@PathParam("studentId") UUID studentId,
                              @QueryParam("status") @Parameter(description = "DRAFT, ACTIVE, SUPERSEDED or ENDED")
                              String statusName,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                              @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        IepStatus status = parseStatus(statusName);
        access.requireStudent(studentId);
        List<IepResponse> items = service.ofStudent(studentId, status, offset, limit).stream()
                .map(IepResponse::of).toList();
        access.read("iep", null, studentId);
        return Paging.page(items, service.countOfStudent(studentId, status), limit, offset, uri);
    }

    private static IepStatus parseStatus(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return IepStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "one of " + java.util.Arrays.toString(IepStatus.values()));
        }
    }
}
