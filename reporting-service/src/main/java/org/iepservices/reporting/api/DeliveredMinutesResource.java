package org.iepservices.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.service.DeliveredMinutesService;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/delivered-minutes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivered minutes")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class DeliveredMinutesResource {

    private final DeliveredMinutesService service;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    DeliveredMinutesResource(DeliveredMinutesService service, VisibleStudents visible, AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
    }

    @GET
    @Path("/students/{studentId}")
    @Operation(summary = "Delivered and missed minutes of a student",
            description = "Totals by setting (push-in / pull-out), missed minutes by owed verdict, the same per "
                    + "mandate, and the sessions. Built from session.events; a session appears here shortly after "
                    + "its log is completed in session-service.")
    public DeliveredMinutesResponse forStudent(@PathParam("studentId") UUID studentId,
                                               @Parameter(description = "First school date, inclusive")
                                               @QueryParam("from") LocalDate from,
                                               @Parameter(description = "Last school date, inclusive")
                                               @QueryParam("to") LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        visible.requireStudent(studentId);
        DeliveredMinutesResponse minutes = service.forStudent(studentId, from, to);
        audit.read("delivered-minutes", studentId, studentId);
        return minutes;
    }
}
