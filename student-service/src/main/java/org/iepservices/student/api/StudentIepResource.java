package org.iepservices.student.api;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.api.IepDtos.IepRequest;
import org.iepservices.student.api.IepDtos.IepResponse;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.service.IepService;

import java.util.List;
import java.util.UUID;

/** A student's IEPs; single IEPs live under /api/v1/ieps (IepResource). */
@Path("/api/v1/students/{studentId}/ieps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "IEPs")
public class StudentIepResource {

    private final IepService service;

    StudentIepResource(IepService service) {
        this.service = service;
    }

    @POST
    @Transactional // maps goals and mandates in the same persistence context
    @Operation(summary = "Draft an IEP for a student",
            description = "Each mandate's pushInSessions + pullOutSessions must equal sessionsPerInterval (422).")
    @APIResponse(responseCode = "201", description = "Draft created")
    public Response create(@PathParam("studentId") UUID studentId, @Valid @NotNull IepRequest request, UriInfo uri) {
        Iep iep = service.createDraft(studentId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/ieps").path(iep.id.toString()).build())
                .tag(Long.toString(iep.version)).entity(IepResponse.of(iep)).build();
    }

    @GET
    @Operation(summary = "A student's IEPs, newest first, history included")
    public List<IepResponse> ofStudent(@PathParam("studentId") UUID studentId) {
        return service.ofStudent(studentId).stream().map(IepResponse::of).toList();
    }
}
