package org.iepservices.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;
import org.iepservices.reporting.service.ComplianceRollupService;
import org.iepservices.reporting.service.StudentComplianceService;
import org.iepservices.rest.Paging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/compliance")
@Tag(name = "Compliance", description = "Minutes mandated, scheduled, delivered, missed and made up per student, "
        + "service, period and setting, with forecast and status; rollups per provider, school and district. "
        + "Built from the event topics only.")
public class ComplianceResource {

    private final StudentComplianceService students;
    private final ComplianceRollupService rollups;
    private final ReportingClock clock;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    ComplianceResource(StudentComplianceService students, ComplianceRollupService rollups, ReportingClock clock,
                       VisibleStudents visible, AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.students = students;
        this.rollups = rollups;
        this.clock = clock;
    }

    // --- one student ------------------------------------------------------------------------

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    @GET
    @Path("/students/{studentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compliance of a student's mandates per period and setting",
            description = "For each mandate and each of its periods (week, month or IEP term, aligned to the "
                    + "district's calendar and time zone) overlapping [from, to]: minutes mandated, scheduled, "
                    + "delivered and made up by setting, missed minutes by verdict (owed, not owed, in review), "
                    + "shortfall, over-delivery, owed balance, the forecast of an open period (delivered plus the "
                    + "occurrences still scheduled, with the shortfall and the last day it can still be met) and "
                    + "the status ON_TRACK, AT_RISK, OUT_OF_COMPLIANCE, OVER_DELIVERED or NOT_STARTED. Makeups count "
                    + "toward the period of the miss they repay. A period changed by a late log or an addendum "
                    + "after it closed says so (revisedAfterClose, revisedAt). Also as CSV (Accept: text/csv).")
    @APIResponse(responseCode = "200", description = "The student's compliance; as CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public ComplianceResponse forStudent(@PathParam("studentId") UUID studentId,
                                         @Parameter(description = "First date, inclusive (YYYY-MM-DD)", required = true,
                                                 schema = @Schema(type = SchemaType.STRING, format = "date"))
                                         @QueryParam("from") String from,
                                         @Parameter(description = "Last date, inclusive (YYYY-MM-DD)", required = true,
                                                 schema = @Schema(type = SchemaType.STRING, format = "date"))
                                         @QueryParam("to") String to) {
        ComplianceResponse response = load(studentId, from, to);
        audit.read("compliance", studentId, studentId);
        return response;
    }

    /** A student outside the caller's scope is a 404, like one no event named. */
    private ComplianceResponse load(UUID studentId, String from, String to) {
        QueryParams.DateRange range = QueryParams.requiredRange(from, to);
        visible.requireStudent(studentId);
        return students.forStudent(studentId, range.from(), range.to());
    }

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    @GET
    @Path("/students/{studentId}")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Compliance of a student as CSV",
            description = "One line per mandate and period, with a column per setting for each measure.")
    @APIResponse(responseCode = "200", description = "The student's compliance; as CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response forStudentCsv(@PathParam("studentId") UUID studentId,
                                  @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
                                  @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        ComplianceResponse response = load(studentId, from, to);
        audit.record(AccessAudit.Action.EXPORT, "compliance", studentId, List.of(studentId));
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceResponse.MandateCompliance m : response.mandates()) {
            for (ComplianceWindow w : m.periods()) {
                rows.add(List.of(studentId, m.mandateId(), m.serviceType(), m.interval(), w.periodStart(),
                        w.periodEnd(), w.status(), w.closed(), w.mandated().pushIn(), w.mandated().pullOut(),
                        w.scheduled().pushIn(), w.scheduled().pullOut(), w.delivered().pushIn(),
                        w.delivered().pullOut(), w.madeUp().pushIn(), w.madeUp().pullOut(), w.missedOwed(),
                        w.missedNotOwed(), w.missedInReview(), w.owedBalance(), w.shortfall().pushIn(),
                        w.shortfall().pullOut(), w.overDelivered().pushIn(), w.overDelivered().pullOut(),
                        w.forecast().minutes().pushIn(), w.forecast().minutes().pullOut(),
                        w.forecast().shortfall().pushIn(), w.forecast().shortfall().pullOut(),
                        orEmpty(w.forecast().lastChanceDate()), w.revisedAfterClose(), orEmpty(w.revisedAt())));
            }
        }
        return Csv.attachment(Csv.write(List.of("studentId", "mandateId", "serviceType", "interval", "periodStart",
                "periodEnd", "status", "closed", "mandatedPushIn", "mandatedPullOut", "scheduledPushIn",
                "scheduledPullOut", "deliveredPushIn", "deliveredPullOut", "madeUpPushIn", "madeUpPullOut",
                "missedOwed", "missedNotOwed", "missedInReview", "owedBalance", "shortfallPushIn", "shortfallPullOut",
                "overDeliveredPushIn", "overDeliveredPullOut", "forecastPushIn", "forecastPullOut",
                "forecastShortfallPushIn", "forecastShortfallPullOut", "lastChanceDate", "revisedAfterClose",
                "revisedAt"), rows), "compliance-" + studentId + ".csv").build();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    // --- rollups ------------------------------------------------------------------------------

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    @GET
    @Path("/providers/{providerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compliance of a provider's caseload",
            description = "Over the periods overlapping [from, to] (default: the periods containing today) of the "
                    + "services the provider is assigned (the mandate's provider, else the provider of its series): "
                    + "periods by status, students on track / at risk / out of compliance, minutes mandated, "
                    + "delivered, made up, owed and short, a breakdown per school, and the students at risk "
                    + "(paginated with limit/offset, X-Total-Count and Link; sortable). Also as CSV.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response provider(@PathParam("providerId") UUID id, @BeanParam RollupParams params,
                             @Context UriInfo uri) {
        return rollup(ComplianceRollupService.Scope.PROVIDER, id, params, uri);
    }

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    @GET
    @Path("/schools/{schoolId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compliance of a school",
            description = "As for a provider, over the students whose school this is, with a breakdown per "
                    + "provider. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response school(@PathParam("schoolId") UUID id, @BeanParam RollupParams params,
                           @Context UriInfo uri) {
        return rollup(ComplianceRollupService.Scope.SCHOOL, id, params, uri);
    }

    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @GET
    @Path("/districts/{districtId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compliance of a district",
            description = "As for a provider, over the students of the district's schools (from SchoolUpserted), "
                    + "with a breakdown per school. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response district(@PathParam("districtId") UUID id, @BeanParam RollupParams params,
                             @Context UriInfo uri) {
        return rollup(ComplianceRollupService.Scope.DISTRICT, id, params, uri);
    }

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    @GET
    @Path("/providers/{providerId}")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "A provider's students at risk as CSV", description = "All of them unless limit is given.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response providerCsv(@PathParam("providerId") UUID id, @BeanParam RollupParams params) {
        return csv(ComplianceRollupService.Scope.PROVIDER, id, params);
    }

    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    @GET
    @Path("/schools/{schoolId}")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "A school's students at risk as CSV", description = "All of them unless limit is given.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response schoolCsv(@PathParam("schoolId") UUID id, @BeanParam RollupParams params) {
        return csv(ComplianceRollupService.Scope.SCHOOL, id, params);
    }

    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @GET
    @Path("/districts/{districtId}")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "A district's students at risk as CSV", description = "All of them unless limit is given.")
    @APIResponse(responseCode = "200", description = "The rollup (JSON: students at risk paged, X-Total-Count and Link); CSV: the students at risk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupResponse.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response districtCsv(@PathParam("districtId") UUID id, @BeanParam RollupParams params) {
        return csv(ComplianceRollupService.Scope.DISTRICT, id, params);
    }

    private Response rollup(ComplianceRollupService.Scope scope, UUID id, RollupParams params, UriInfo uri) {
        ComplianceRollupService.Query q = params.query(scope, id, clock.today(), Paging.DEFAULT_LIMIT);
        RollupResponse body = rollups.rollup(q);
        long total = rollups.countStudents(q);
        audit.read("compliance-" + scope.name().toLowerCase(), id,
                body.studentsAtRisk().stream().map(RollupResponse.StudentAtRisk::studentId).toList());
        return Response.fromResponse(Paging.page(body.studentsAtRisk(), total, q.limit(), q.offset(), uri))
                .entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    private Response csv(ComplianceRollupService.Scope scope, UUID id, RollupParams params) {
        ComplianceRollupService.Query q = params.query(scope, id, clock.today(), 0);
        RollupResponse body = rollups.rollup(new ComplianceRollupService.Query(q.scope(), q.id(), q.from(), q.to(),
                q.statuses(), q.sort(), 1, 0));
        List<List<Object>> rows = new ArrayList<>();
        List<RollupResponse.StudentAtRisk> listed = rollups.students(q, q.limit(), q.offset());
        audit.record(AccessAudit.Action.EXPORT, "compliance-" + scope.name().toLowerCase(), id,
                listed.stream().map(RollupResponse.StudentAtRisk::studentId).toList());
        for (RollupResponse.StudentAtRisk s : listed) {
            rows.add(List.of(s.studentId(), orEmpty(s.givenName()), orEmpty(s.familyName()), orEmpty(s.schoolId()),
                    s.worstStatus(), s.atRiskPeriods(), s.outOfCompliancePeriods(), s.owedBalance(), s.shortfall(),
                    s.forecastShortfall(), orEmpty(s.lastChanceDate())));
        }
        return Csv.attachment(Csv.write(List.of("studentId", "givenName", "familyName", "schoolId", "worstStatus",
                        "atRiskPeriods", "outOfCompliancePeriods", "owedBalance", "shortfall", "forecastShortfall",
                        "lastChanceDate"), rows),
                scope.name().toLowerCase() + "-" + id + "-" + body.from() + "-" + body.to() + ".csv")
                .header("X-Total-Count", rollups.countStudents(q)).build();
    }
}
