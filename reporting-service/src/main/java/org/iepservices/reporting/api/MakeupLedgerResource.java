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
import org.iepservices.reporting.service.StudentReportsService;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/makeup-ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class MakeupLedgerResource {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final StudentReportsService service;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    MakeupLedgerResource(StudentReportsService service, VisibleStudents visible, AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
    }

    @GET
    @Operation(summary = "A student's makeup ledger",
            description = "Every miss (optionally of misses dated in [from, to]) per mandate with the verdict in "
                    + "force (after any IEP-team resolution), the makeup sessions linked to it and what is still "
                    + "outstanding; totals of owed, repaid and outstanding minutes. Built from session.events.")
    public MakeupLedgerResponse ledger(@PathParam("studentId") UUID studentId,
                                       @Parameter(description = "Misses from this date (YYYY-MM-DD)")
                                       @QueryParam("from") String from,
                                       @Parameter(description = "Misses up to this date (YYYY-MM-DD)")
                                       @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        if (start != null && end != null && end.isBefore(start)) {
            params.range(start, end);
        }
        params.check();
        visible.requireStudent(studentId);
        MakeupLedgerResponse ledger = service.makeupLedger(studentId, start == null ? EARLIEST : start,
                end == null ? LATEST : end);
        audit.read("makeup-ledger", studentId, studentId);
        return ledger;
    }
}
