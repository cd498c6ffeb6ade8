package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.api.CopyDtos.StaffView;
import org.iepservices.schedule.domain.roster.Staff;

import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/staff/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class StaffResource {

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "A provider or teacher as schedule-service knows them",
            description = "From StaffUpserted on roster.events: discipline, credentials, schools. 404 until it arrived.")
    public StaffView get(@PathParam("id") UUID id) {
        return StaffView.of(Staff.<Staff>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff",
                id + " (schedule-service knows staff from roster.events)")));
    }
}
