package org.iepservices.session.api;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.service.MissService;

import java.util.UUID;

@Path("/api/v1/misses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Misses")
public class MissResource {

    private final MissService service;

    MissResource(MissService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Record a missed session",
            description = "The district makeup policy decides from the reason whether the minutes are owed "
                    + "(OWED / NOT_OWED / REVIEW). Publishes SessionMissed.")
    public Response record(@Valid @NotNull MissRequest request, UriInfo uri) {
        MissedSession miss = service.record(request);
        return Response.created(uri.getAbsolutePathBuilder().path(miss.id.toString()).build())
                .entity(MissResponse.of(miss)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a missed session")
    public MissResponse get(@PathParam("id") UUID id) {
        return MissedSession.<MissedSession>findByIdOptional(id).map(MissResponse::of)
                .orElseThrow(() -> ProblemException.notFound("Missed session", id));
    }
}
