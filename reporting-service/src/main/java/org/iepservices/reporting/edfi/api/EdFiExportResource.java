package org.iepservices.reporting.edfi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.edfi.mapping.EdFi;
import org.iepservices.reporting.edfi.service.EdFiRecords;
import org.iepservices.rest.Paging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The district's special-education records in the Ed-Fi 6.1 JSON shape, one resource per path, paged
 * the way the Ed-Fi ODS/API pages its own GETs (limit up to 500, offset): an integrator reads them with
 * the client they already have for the ODS, resource by resource, in the order a push sends them.
 */
@Path("/api/v1/edfi/districts/{districtId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ed-Fi", description = "The district's IEPs, prescriptions, goals and service delivery as Ed-Fi 6.1 "
        + "records, and pushes of them to the district's Ed-Fi ODS/API")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
@SecurityRequirement(name = "jwt")
public class EdFiExportResource {

    private static final String RANGE = " Records of IEP versions in force for at least one day of [from, to] "
            + "(both optional, inclusive). Paged: limit 1-500 (default 50), offset; X-Total-Count and Link. "
            + "District administrators of the district only; every page is recorded in the access trail as an "
            + "EXPORT of the students it contains.";

    private final EdFiRecords records;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    EdFiExportResource(EdFiRecords records, VisibleStudents visible, AccessAudit audit) {
        this.records = records;
        this.visible = visible;
        this.audit = audit;
    }

    /** The validated query of a page. */
    private record Query(LocalDate from, LocalDate to, int limit, int offset) {
    }

    private Query query(UUID districtId, String from, String to, String limit, String offset) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        if (start != null && end != null && end.isBefore(start)) {
            params.violation("to", "must not be before from");
        }
        int size = params.integer("limit", limit, Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        int skip = params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        params.check();
        visible.requireDistrict(districtId);
        return new Query(start, end, size, skip);
    }

    private Response page(UUID districtId, String resource, EdFiRecords.Page<?> page, Query q, UriInfo uri) {
        audit.record(AccessAudit.Action.EXPORT, "edfi-" + resource, districtId, page.studentIds());
        return Paging.page(page.items(), page.total(), q.limit(), q.offset(), uri);
    }

    @GET
    @Path("/studentIEPs")
    @Operation(operationId = "exportEdFiStudentIeps", summary = "The district's StudentIEP records",
            description = "Ed-Fi 6.1 StudentIEP: one per IEP version that took effect. studentIEPIdentifier is the "
                    + "version's id, iepFinalizedDate the date it was activated (district time), iepBeginDate its "
                    + "effective date, iepEndDate its stated end (or the IepEnded date), iepAmendedDate on amendments, "
                    + "IEPStatusDescriptor Active while in force today, else Inactive. studentUniqueId is the roster's "
                    + "sourcedId, educationOrganizationId the school's numeric sourcedId (null when it is not a "
                    + "number)." + RANGE)
    @APIResponse(responseCode = "200", description = "One page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EdFi.StudentIEP.class)))
    @APIResponse(responseCode = "400", description = "A bad date, limit or offset, or to before from")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    public Response exportStudentIeps(@PathParam("districtId") UUID districtId,
                                      @QueryParam("from") @Parameter(description = "First date (YYYY-MM-DD)") String from,
                                      @QueryParam("to") @Parameter(description = "Last date (YYYY-MM-DD)") String to,
                                      @QueryParam("limit") @Parameter(description = "Records per page, 1-500") String limit,
                                      @QueryParam("offset") @Parameter(description = "Records to skip") String offset,
                                      @Context UriInfo uri) {
        Query q = query(districtId, from, to, limit, offset);
        return page(districtId, EdFi.STUDENT_IEPS, records.studentIeps(districtId, q.from(), q.to(), q.limit(),
                q.offset()), q, uri);
    }

    @GET
    @Path("/studentIEPServicePrescriptions")
    @Operation(operationId = "exportEdFiServicePrescriptions", summary = "The district's StudentIEPServicePrescription records",
            description = "Ed-Fi 6.1 StudentIEPServicePrescription: one per service mandate in force in the range, "
                    + "servicePrescriptionDate and beginDate its start, endDate its effective end (stated end, "
                    + "superseding version, IEP ended, student left), duration = minutes per interval, frequency = "
                    + "sessions per interval, ServiceLocationType the setting of most sessions; _ext.iepServices "
                    + "splits the minutes and sessions by push-in and pull-out." + RANGE)
    @APIResponse(responseCode = "200", description = "One page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EdFi.StudentIEPServicePrescription.class)))
    @APIResponse(responseCode = "400", description = "A bad date, limit or offset, or to before from")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    public Response exportServicePrescriptions(@PathParam("districtId") UUID districtId,
                                               @QueryParam("from") @Parameter(description = "First date (YYYY-MM-DD)")
                                               String from,
                                               @QueryParam("to") @Parameter(description = "Last date (YYYY-MM-DD)")
                                               String to,
                                               @QueryParam("limit") @Parameter(description = "Records per page, 1-500")
                                               String limit,
                                               @QueryParam("offset") @Parameter(description = "Records to skip")
                                               String offset,
                                               @Context UriInfo uri) {
        Query q = query(districtId, from, to, limit, offset);
        return page(districtId, EdFi.PRESCRIPTIONS, records.prescriptions(districtId, q.from(), q.to(), q.limit(),
                q.offset()), q, uri);
    }

    @GET
    @Path("/studentIEPServiceDeliveries")
    @Operation(operationId = "exportEdFiServiceDeliveries", summary = "The district's StudentIEPServiceDelivery records",
            description = "Ed-Fi 6.1 StudentIEPServiceDelivery: one per completed session log credited to a student "
                    + "with a session date in [from, to] (after addenda; a session amended to 0 minutes is none), "
                    + "referencing its StudentIEP and StudentIEPServicePrescription, the provider, and "
                    + "ServiceDeliveryDescriptor from the service kind and setting (Direct Pull-Out, Direct Push-In). "
                    + "The Ed-Fi model has no minutes property: _ext.iepServices.deliveredMinutes holds the credited "
                    + "minutes (the same rows and rules as GET /api/v1/delivered-minutes, so they sum to its "
                    + "delivered total), setting, serviceKind and madeUpMinutes (the part repaying misses). Paged: "
                    + "limit 1-500 (default 50), offset; X-Total-Count and Link. District administrators only; every "
                    + "page is recorded in the access trail.")
    @APIResponse(responseCode = "200", description = "One page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EdFi.StudentIEPServiceDelivery.class)))
    @APIResponse(responseCode = "400", description = "A bad date, limit or offset, or to before from")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    public Response exportServiceDeliveries(@PathParam("districtId") UUID districtId,
                                            @QueryParam("from") @Parameter(description = "First session date")
                                            String from,
                                            @QueryParam("to") @Parameter(description = "Last session date") String to,
                                            @QueryParam("limit") @Parameter(description = "Records per page, 1-500")
                                            String limit,
                                            @QueryParam("offset") @Parameter(description = "Records to skip")
                                            String offset,
                                            @Context UriInfo uri) {
        Query q = query(districtId, from, to, limit, offset);
        return page(districtId, EdFi.DELIVERIES, records.deliveries(districtId, q.from(), q.to(), q.limit(),
                q.offset()), q, uri);
    }

    @GET
    @Path("/studentIEPGoals")
    @Operation(operationId = "exportEdFiStudentIepGoals", summary = "The district's StudentIEPGoal records",
            description = "Ed-Fi 6.1 StudentIEPGoal: one per goal of each IEP version exported (a goal carried over "
                    + "by an amendment is a goal of both versions), iepGoalDetails its description and target."
                    + RANGE)
    @APIResponse(responseCode = "200", description = "One page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EdFi.StudentIEPGoal.class)))
    @APIResponse(responseCode = "400", description = "A bad date, limit or offset, or to before from")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    public Response exportGoals(@PathParam("districtId") UUID districtId,
                                @QueryParam("from") @Parameter(description = "First date (YYYY-MM-DD)") String from,
                                @QueryParam("to") @Parameter(description = "Last date (YYYY-MM-DD)") String to,
                                @QueryParam("limit") @Parameter(description = "Records per page, 1-500") String limit,
                                @QueryParam("offset") @Parameter(description = "Records to skip") String offset,
                                @Context UriInfo uri) {
        Query q = query(districtId, from, to, limit, offset);
        return page(districtId, EdFi.GOALS, records.goals(districtId, q.from(), q.to(), q.limit(), q.offset()), q, uri);
    }
}
