package org.iepservices.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.projection.Projection;
import org.iepservices.reporting.service.ComplianceProjector;
import org.iepservices.reporting.service.ComplianceRefresher;

import java.util.List;

/**
 * The facts of the four topics as the events state them (roster, IEP versions and mandates, series
 * with their teachers and effective occurrences, delivered and missed sessions) and the compliance
 * periods computed from them: everything the four compliance consumers write. The fact tables are
 * the service's one copy of these events; the goal-progress views read them too (names, IEP
 * versions, credited minutes, misses, upcoming push-ins), so they are kept once.
 */
@ApplicationScoped
public class ComplianceProjection implements Projection {

    public static final String NAME = "compliance";

    private final ComplianceRefresher refresher;
    private final ComplianceProjector projector;

    ComplianceProjection(ComplianceRefresher refresher, ComplianceProjector projector) {
        this.refresher = refresher;
        this.projector = projector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(
                "school", "student", "staff", "school_closure", "bell_schedule", "school_calendar", "school_calendar_day",
                "iep_version", "iep_ending", "mandate",
                "session_series", "series_teacher", "series_occurrence", "series_cancellation",
                "occurrence_cancellation", "occurrence_move", "effective_occurrence", "effective_occurrence_core",
                "delivered_session", "makeup_repayment", "missed_session", "miss_resolution",
                "compliance_period", "compliance_refresh",
                "compliance_rollup", "rollup_student", "rollup_student_ordinal", "rollup_school");
    }

    @Override
    public void flush() {
        projector.flush();
    }

    /** The rebuilt periods were evaluated today: record it, as the live refresher would have. */
    @Override
    public void beforeSwap() {
        refresher.markRefreshed();
    }
}
