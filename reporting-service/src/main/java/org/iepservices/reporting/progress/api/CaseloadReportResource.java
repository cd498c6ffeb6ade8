package org.iepservices.reporting.progress.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.api.ContentChoice;
import org.iepservices.reporting.api.Csv;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.progress.service.CaseloadReportService;
import org.iepservices.reporting.service.KnownSubjects;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/providers/{providerId}/caseload-report")
@Tag(name = "Caseload report", description = "What a provider takes to administrators: caseload, minutes by setting, misses, outcomes")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class CaseloadReportResource {

    static final String CSV = Csv.MEDIA_TYPE;
    private final CaseloadReportService service;
    private final KnownSubjects known;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    CaseloadReportResource(CaseloadReportService service, KnownSubjects known, VisibleStudents visible,
                           AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
        this.known = known;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A provider's caseload report for a period, as JSON or CSV",
            description = "Caseload: students with a compliance period of a service assigned to the provider (the "
                    + "mandate's provider, else its series' provider) overlapping [from, to], or served or missed by the "
                    + "provider in it. Per student and in total: mandated minutes by setting as the compliance "
                    + "projection states them (a period the range cuts counts with the share of its school days inside "
                    + "the range, closures excluded), minutes the provider delivered by setting (addenda applied), "
                    + "makeup minutes, missed sessions by reason and by makeup verdict, and outcomes: how many "
                    + "of the students' goals (of the provider's services, or with the provider's data) are improving, "
                    + "flat or declining and met / on track / not on track as of `to`. JSON by default; Accept: text/csv "
                    + "gives one row per student and a TOTAL row, with a pair of columns (sessions, minutes) per miss reason.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseloadReportService.Report.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "from/to missing, not dates, inverted or more than 400 days apart")
    @APIResponse(responseCode = "404", description = "No event names this provider")
    public Response report(@PathParam("providerId") UUID providerId,
                           @Parameter(description = "First day (YYYY-MM-DD)", required = true)
                           @QueryParam("from") String from,
                           @Parameter(description = "Last day (YYYY-MM-DD)", required = true)
                           @QueryParam("to") String to,
                           @Context HttpHeaders headers) {
        CaseloadReportService.Report report = load(providerId, from, to);
        List<UUID> students = report.students().stream().map(CaseloadReportService.StudentLine::studentId).toList();
        if (ContentChoice.prefers(headers, MediaType.valueOf(CSV))) {
            audit.record(AccessAudit.Action.EXPORT, "caseload-report", providerId, students);
            return Csv.attachment(CaseloadReportCsv.write(report),
                    "caseload-" + providerId + "-" + report.from() + "-" + report.to() + ".csv").build();
        }
        audit.read("caseload-report", providerId, students);
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private CaseloadReportService.Report load(UUID providerId, String fromParam, String toParam) {
        QueryParams.DateRange range = QueryParams.requiredRange(fromParam, toParam);
        visible.requireOwnStaffView(providerId, "Provider");
        if (!known.provider(providerId)) {
            throw ProblemException.notFound("Provider", providerId);
        }
        return service.report(providerId, range.from(), range.to(), visible::condition);
    }
}
