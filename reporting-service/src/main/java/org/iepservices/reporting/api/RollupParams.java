package org.iepservices.reporting.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.domain.compliance.ComplianceStatus;
import org.iepservices.reporting.service.ComplianceRollupService;
import org.iepservices.rest.Paging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The query parameters of every compliance rollup (provider, school, district), JSON or CSV, and
 * how they become a {@link ComplianceRollupService.Query}. Everything arrives as strings so that
 * every bad parameter is listed in one 400 problem (see {@link QueryParams}).
 */
public class RollupParams {

    @QueryParam("from")
    @Parameter(description = "First date, inclusive (YYYY-MM-DD); default: to, or today (the periods containing it)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Last date, inclusive (YYYY-MM-DD); default: from", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @QueryParam("status")
    @Parameter(description = "Statuses that put a student on the list: any of NOT_STARTED, ON_TRACK, AT_RISK, "
            + "OUT_OF_COMPLIANCE, OVER_DELIVERED (repeat or comma-separate); default AT_RISK,OUT_OF_COMPLIANCE")
    public List<String> status;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated keys of the students list, '-' for descending: severity, owedBalance, "
            + "shortfall, forecastShortfall, lastChanceDate, name, studentId. Default -severity,-shortfall,name")
    public String sort;

    @QueryParam("limit")
    @Parameter(description = "Students per page, 1-500 (default 50; CSV: all unless given)",
            schema = @Schema(type = SchemaType.INTEGER))
    public String limit;

    @QueryParam("offset")
    @Parameter(description = "Students to skip (default 0)", schema = @Schema(type = SchemaType.INTEGER))
    public String offset;

    /**
     * The rollup asked for, or a 400 listing every bad parameter.
     *
     * @param today        the district's date: the default range when neither end is given
     * @param defaultLimit page size when no limit is given; 0 for all students (CSV)
     */
    public ComplianceRollupService.Query query(ComplianceRollupService.Scope scope, UUID id, LocalDate today,
                                               int defaultLimit) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, false);
        LocalDate end = params.date("to", to, false);
        if (blank(from) && blank(to)) {
            start = today;
            end = today;
        } else if (blank(from)) {
            start = end;
        } else if (blank(to)) {
            end = start;
        }
        params.range(start, end);
        int size = defaultLimit == 0 && blank(limit)
                ? 0
                : params.integer("limit", limit, defaultLimit, 1, Paging.MAX_LIMIT);
        int skip = params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        List<ComplianceStatus> statuses = List.of();
        List<ComplianceRollupService.Sort> order = List.of();
        try {
            statuses = ComplianceRollupService.parseStatuses(status);
        } catch (ProblemException e) {
            params.add(e);
        }
        try {
            order = ComplianceRollupService.parseSort(sort);
        } catch (ProblemException e) {
            params.add(e);
        }
        params.check();
        return new ComplianceRollupService.Query(scope, id, start, end, statuses, order, size, skip);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
