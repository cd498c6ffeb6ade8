package org.iepservices.reporting.service;

import org.iepservices.reporting.domain.compliance.ComplianceStatus;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;
import org.iepservices.reporting.domain.compliance.SettingMinutes;
import org.iepservices.reporting.projection.Sql;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/** Reads a compliance_period row back into the window the projector evaluated. */
final class CompliancePeriodRows {

    private CompliancePeriodRows() {
    }

    static ComplianceWindow window(Sql.Rs rs) throws SQLException {
        SettingMinutes forecastShort = pair(rs, "forecast_short");
        return new ComplianceWindow(rs.uuid("mandate_id"),
                Arrays.stream(rs.string("mandate_ids").split(",")).map(UUID::fromString).toList(),
                rs.date("period_start"), rs.date("period_end"), rs.bool("closed"), pair(rs, "mandated"),
                pair(rs, "scheduled"), pair(rs, "delivered"), pair(rs, "made_up"), rs.integer("missed_owed"),
                rs.integer("missed_not_owed"), rs.integer("missed_in_review"), pair(rs, "excused"),
                pair(rs, "shortfall"), pair(rs, "over"), rs.integer("owed_balance"),
                new ComplianceWindow.Forecast(pair(rs, "remaining"), pair(rs, "forecast"), forecastShort,
                        rs.date("last_chance_date"), forecastShort.total() == 0 || rs.date("last_chance_date") != null),
                ComplianceStatus.valueOf(rs.string("status")), rs.timestamp("revised_at") != null,
                rs.timestamp("revised_at"));
    }

    private static SettingMinutes pair(Sql.Rs rs, String prefix) throws SQLException {
        return new SettingMinutes(rs.integer(prefix + "_pi"), rs.integer(prefix + "_po"));
    }
}
