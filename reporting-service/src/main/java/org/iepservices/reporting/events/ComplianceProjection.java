package org.iepservices.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.projection.Projection;
import org.iepservices.reporting.service.ComplianceProjector;
import org.iepservices.reporting.service.ComplianceRefresher;

import java.util.List;

/**
 * Delivered and missed minutes, mandates, the roster and schedule facts they are judged with, and
 * the compliance periods computed from them: everything the four compliance consumers write.
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
                "school", "student", "staff", "school_closure", "bell_schedule",
                "iep_version", "iep_ending", "mandate",
                "session_series", "series_occurrence", "series_cancellation", "occurrence_cancellation",
                "occurrence_move", "effective_occurrence", "effective_occurrence_core",
                "delivered_session", "makeup_repayment", "missed_session", "miss_resolution",
                "compliance_period", "compliance_refresh");
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
