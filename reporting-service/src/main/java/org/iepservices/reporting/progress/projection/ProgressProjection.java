package org.iepservices.reporting.progress.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.projection.Projection;

import java.util.List;

/**
 * The read model of goal progress and communication: what only these views need and no other
 * table keeps (classes and enrollments, IEP goals, and what a SessionCompleted says beyond its
 * minutes: push-in context, notes, goal data). Written by the three progress consumers alone; the
 * views join it with the event copies of the compliance projection (names, IEP versions, credited
 * minutes, misses, series and their occurrences). Rebuilt like every projection of the service by
 * {@code POST /api/v1/admin/rebuild}.
 */
@ApplicationScoped
public class ProgressProjection implements Projection {

    public static final String NAME = "progress";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("progress_class", "progress_enrollment", "progress_goal", "progress_session",
                "progress_goal_point", "caseload_assignment");
    }
}
