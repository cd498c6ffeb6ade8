package org.iepservices.student.api;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.iepservices.problem.IfMatch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.student.api.IepDtos.IepRequest;
import org.iepservices.student.api.IepDtos.IepResponse;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.service.IepService;

import java.util.UUID;

@Path("/api/v1/ieps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "IEPs")
public class IepResource {

    private final IepService service;

    IepResource(IepService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an IEP")
    public Response get(@PathParam("id") UUID id) {
        Iep iep = service.get(id);
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @Operation(summary = "Edit a draft IEP", description = "Only drafts change (409 otherwise); If-Match guards "
            + "against overwriting a concurrent edit (412).")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull IepRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        Iep iep = service.updateDraft(id, request, IfMatch.version(ifMatch));
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @POST
    @Transactional // maps goals and mandates in the same persistence context
    @Path("/{id}/activate")
    @Operation(summary = "Put a draft IEP in force",
            description = "The student's active IEP becomes SUPERSEDED (kept as history). Publishes IepActivated "
                    + "with every mandate to iep.events.")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public IepResponse activate(@PathParam("id") UUID id) {
        return IepResponse.of(service.activate(id));
    }
}
