package org.iepservices.reporting.progress.api;

import org.iepservices.reporting.api.Csv;
import org.iepservices.reporting.progress.domain.GoalStatus;
import org.iepservices.reporting.progress.domain.TrendDirection;
import org.iepservices.reporting.progress.service.CaseloadReportService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The caseload report as one spreadsheet-friendly table (RFC 4180, {@link Csv}): a row per student
 * and a TOTAL row; one pair of columns per miss reason that occurs in the report.
 */
final class CaseloadReportCsv {

    private CaseloadReportCsv() {
    }

    static String write(CaseloadReportService.Report report) {
        List<String> reasons = List.copyOf(report.missedByReason().keySet());
        List<String> header = new ArrayList<>(List.of("student_id", "student_name", "grade", "services",
                "mandated_push_in_minutes", "mandated_pull_out_minutes", "mandated_minutes",
                "delivered_push_in_minutes", "delivered_pull_out_minutes", "delivered_minutes",
                "delivered_share_percent", "sessions_delivered", "makeup_minutes", "missed_sessions",
                "missed_minutes", "missed_minutes_owed", "missed_minutes_not_owed", "missed_minutes_in_review"));
        for (String reason : reasons) {
            header.add("missed_sessions_" + reason);
            header.add("missed_minutes_" + reason);
        }
        header.addAll(List.of("goals", "goals_improving", "goals_flat", "goals_declining", "goals_insufficient_data",
                "goals_met", "goals_on_track", "goals_not_on_track", "goals_no_target", "improving_share_percent",
                "flat_share_percent", "declining_share_percent", "met_share_percent"));

        List<List<Object>> rows = new ArrayList<>();
        for (CaseloadReportService.StudentLine line : report.students()) {
            rows.add(row(line.studentId().toString(), line.name(), line.grade(), String.join(" ", line.serviceTypes()),
                    line.mandated(), line.delivered(), line.sessionsDelivered(), line.makeupMinutes(), line.missed(),
                    line.missedByReason(), reasons, line.outcomes()));
        }
        rows.add(row("TOTAL", report.caseloadSize() + " students", null, null, report.mandated(), report.delivered(),
                report.sessionsDelivered(), report.makeupMinutes(), report.missed(), report.missedByReason(), reasons,
                report.outcomes()));
        return Csv.write(header, rows);
    }

    private static List<Object> row(String id, String name, String grade, String services,
                                    CaseloadReportService.Minutes mandated, CaseloadReportService.Minutes delivered,
                                    int sessions, int makeup, CaseloadReportService.Misses missed,
                                    Map<String, CaseloadReportService.Misses> byReason, List<String> reasons,
                                    CaseloadReportService.Outcomes outcomes) {
        List<Object> row = new ArrayList<>(List.of(id, value(name), value(grade), value(services),
                mandated.pushIn(), mandated.pullOut(), mandated.total(),
                delivered.pushIn(), delivered.pullOut(), delivered.total(),
                mandated.total() == 0 ? "" : Math.round(100.0 * delivered.total() / mandated.total()),
                sessions, makeup, missed.sessions(), missed.minutes(), missed.owedMinutes(), missed.notOwedMinutes(),
                missed.inReviewMinutes()));
        for (String reason : reasons) {
            CaseloadReportService.Misses m = byReason.get(reason);
            row.add(m == null ? 0 : m.sessions());
            row.add(m == null ? 0 : m.minutes());
        }
        row.addAll(List.of(outcomes.goals(), outcomes.trend().get(TrendDirection.IMPROVING),
                outcomes.trend().get(TrendDirection.FLAT), outcomes.trend().get(TrendDirection.DECLINING),
                outcomes.trend().get(TrendDirection.INSUFFICIENT_DATA), outcomes.status().get(GoalStatus.MET),
                outcomes.status().get(GoalStatus.ON_TRACK), outcomes.status().get(GoalStatus.NOT_ON_TRACK),
                outcomes.status().get(GoalStatus.NO_TARGET)));
        Map<String, Integer> shares = outcomes.sharePercent();
        for (String share : List.of("improving", "flat", "declining", "met")) {
            row.add(shares.get(share) == null ? "" : shares.get(share));
        }
        return row;
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }
}
