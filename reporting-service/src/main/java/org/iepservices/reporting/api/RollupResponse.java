package org.iepservices.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "Compliance rolled up over a provider's caseload, a school or a district, for the periods "
        + "overlapping [from, to]")
public record RollupResponse(
        @Schema(description = "PROVIDER, SCHOOL or DISTRICT") String scope,
        UUID id,
        String name,
        LocalDate from,
        LocalDate to,
        LocalDate today,
        @Schema(description = "Student x service x period rows per status") Map<String, Long> periodsByStatus,
        long periods,
        StudentCounts students,
        Minutes minutes,
        @Schema(description = "District: per school; school: per provider; provider: per school")
        List<Breakdown> breakdown,
        @Schema(description = "Students with a period in one of the requested statuses (default AT_RISK, "
                + "OUT_OF_COMPLIANCE), one page of them: limit/offset/sort; X-Total-Count counts them all")
        List<StudentAtRisk> studentsAtRisk) {

    public record StudentCounts(long total, long atRisk, long outOfCompliance) {
    }

    @Schema(description = "Sums over the periods: owedBalance is the owed misses not yet made up")
    public record Minutes(long mandated, long scheduled, long delivered, long madeUp, long missedOwed,
                          long missedNotOwed, long missedInReview, long owedBalance, long shortfall,
                          long forecastShortfall, long overDelivered) {
    }

    public record Breakdown(UUID id, String name, long students, Map<String, Long> periodsByStatus,
                            long owedBalance, long shortfall) {
    }

    public record StudentAtRisk(UUID studentId, String givenName, String familyName, UUID schoolId,
                                @Schema(description = "OUT_OF_COMPLIANCE before AT_RISK before the rest")
                                String worstStatus,
                                long atRiskPeriods, long outOfCompliancePeriods, long owedBalance, long shortfall,
                                long forecastShortfall,
                                @Schema(description = "Earliest date after which an at-risk period can no longer be met")
                                LocalDate lastChanceDate) {
    }
}
