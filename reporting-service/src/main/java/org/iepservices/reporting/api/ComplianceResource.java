package org.iepservices.reporting.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.service.ComplianceService;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ComplianceResource {

    private static final long MAX_DAYS = 400;

    private final ComplianceService service;

    ComplianceResource(ComplianceService service) {
        this.service = service;
    }

    @GET
    @Path("/students/{studentId}")
    @Operation(summary = "Compliance of a student's mandates per period and setting",
            description = "For each mandate in force and each of its periods (week, month or IEP term) overlapping "
                    + "[from, to]: mandated, delivered and made-up minutes by setting, missed minutes by owed verdict, "
                    + "shortfall per setting, owed balance and status. Makeups count toward the period of the miss "
                    + "they repay. A mandate starting or ending mid-period is prorated by school days.")
    public ComplianceResponse forStudent(@PathParam("studentId") UUID studentId,
                                         @Parameter(description = "First date, inclusive", required = true)
                                         @QueryParam("from") LocalDate from,
                                         @Parameter(description = "Last date, inclusive", required = true)
                                         @QueryParam("to") LocalDate to) {
        if (from == null) {
            throw ProblemException.invalid("from", "is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw ProblemException.invalid("to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ProblemException.invalid("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return service.forStudent(studentId, from, to);
    }
}
