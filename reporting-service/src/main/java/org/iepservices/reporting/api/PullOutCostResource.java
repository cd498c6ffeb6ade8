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
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.service.StudentReportsService;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/pull-out-cost")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class PullOutCostResource {

    private final StudentReportsService service;
    private final ReportingClock clock;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    PullOutCostResource(StudentReportsService service, ReportingClock clock, VisibleStudents visible,
                        AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "What pull-out costs a student",
            description = "Between from and to (default: the current week): minutes of core instruction the student "
                    + "misses during pull-out sessions, by subject (from the scheduled occurrences' coreOverlap; "
                    + "missedMinutes for sessions held, plannedMinutes for those still ahead), the school time "
                    + "(default bell schedule's instructional minutes x instructional days), the share of it spent "
                    + "in general education (everything but pull-out), and the push-in / pull-out mix delivered "
                    + "against mandated.")
    public PullOutCostResponse pullOutCost(@PathParam("studentId") UUID studentId,
                                           @Parameter(description = "First date, inclusive (YYYY-MM-DD)")
                                           @QueryParam("from") String from,
                                           @Parameter(description = "Last date, inclusive (YYYY-MM-DD)")
                                           @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        params.check();
        LocalDate weekStart = clock.today().with(TemporalAdjusters.previousOrSame(clock.weekStart()));
        start = start != null ? start : end != null ? end.with(TemporalAdjusters.previousOrSame(clock.weekStart()))
                : weekStart;
        end = end != null ? end : start.plusDays(6);
        params.range(start, end);
        params.check();
        visible.requireStudent(studentId);
        PullOutCostResponse cost = service.pullOutCost(studentId, start, end);
        audit.read("pull-out-cost", studentId, studentId);
        return cost;
    }
}
