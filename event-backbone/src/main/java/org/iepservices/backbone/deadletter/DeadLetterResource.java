package org.iepservices.backbone.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * District admins look into the service's dead-letter topics and replay them once the cause is fixed
 * (see {@link DeadLetters}). Shipped in event-backbone, so every consuming service has it.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DeadLetterResource.DISTRICT_ADMIN)
public class DeadLetterResource {

    /** access-control's Role.DISTRICT_ADMIN_NAME (that module depends on this one, not the other way). */
    static final String DISTRICT_ADMIN = "district-admin";

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Each dead-letter topic with the records it holds, replayed and waiting. */
    @GET
    public List<DeadLetters.Summary> list() {
        return deadLetters.summaries();
    }

    /** Republishes the waiting records of {@code topic} to their original topics; answers the counts. */
    @POST
    @Path("/replay")
    public DeadLetters.Replay replay(@QueryParam("topic") String topic) {
        if (topic == null || topic.isBlank()) {
            throw new BadRequestException("query parameter topic is required; one of " + deadLetters.topics());
        }
        if (!deadLetters.topics().contains(topic)) {
            throw new NotFoundException("no dead-letter topic " + topic + " in this service; its topics: " + deadLetters.topics());
        }
        return deadLetters.replay(topic);
    }
}
