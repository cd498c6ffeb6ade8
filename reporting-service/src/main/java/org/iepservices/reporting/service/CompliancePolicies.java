package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.reporting.domain.compliance.HolidayPolicy;
import org.iepservices.reporting.projection.Sql;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The districts' compliance policies as set over REST (table compliance_policy, which no event
 * states and no rebuild replaces), with {@code compliance.holiday-policy} for districts that set
 * none. Read by every recompute, live or rebuilding.
 */
@ApplicationScoped
public class CompliancePolicies {

    /** A district's policy; {@code explicit} false when it is the configured default. */
    public record Setting(UUID districtId, HolidayPolicy holidayPolicy, boolean explicit, OffsetDateTime updatedAt,
                          String updatedBy) {
    }

    private final Sql sql;
    private final HolidayPolicy fallback;

    CompliancePolicies(Sql sql,
                       @ConfigProperty(name = "compliance.holiday-policy", defaultValue = "PRORATE") HolidayPolicy fallback) {
        this.sql = sql;
        this.fallback = fallback;
    }

    public HolidayPolicy fallback() {
        return fallback;
    }

    public Setting ofDistrict(UUID districtId) {
        return sql.one("""
                select holiday_policy, updated_at, updated_by from public.compliance_policy where district_id = ?""",
                rs -> new Setting(districtId, HolidayPolicy.parse(rs.string("holiday_policy"), fallback), true,
                        rs.timestamp("updated_at"), rs.string("updated_by")), districtId)
                .orElseGet(() -> new Setting(districtId, fallback, false, null, null));
    }

    /** The holiday policy of the school's district (the default for a school not on the roster yet). */
    public HolidayPolicy ofSchool(UUID schoolId) {
        if (schoolId == null) {
            return fallback;
        }
        return sql.one("""
                select p.holiday_policy from school s join public.compliance_policy p on p.district_id = s.district_id
                where s.school_id = ?""", rs -> HolidayPolicy.parse(rs.string("holiday_policy"), fallback), schoolId)
                .orElse(fallback);
    }

    /** Stores the district's policy; true when it changed. */
    boolean store(UUID districtId, HolidayPolicy policy, String actor) {
        return sql.update("""
                insert into public.compliance_policy (district_id, holiday_policy, updated_at, updated_by)
                values (?, ?, now(), ?)
                on conflict (district_id) do update set holiday_policy = excluded.holiday_policy,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                where compliance_policy.holiday_policy <> excluded.holiday_policy""",
                districtId, policy.name(), actor) > 0;
    }
}
