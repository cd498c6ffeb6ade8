package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.Topics;
import org.iepservices.reporting.events.EventTimes;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.projection.BatchingConsumer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The goals of each IEP version (iep.events), as the version states them. The versions themselves,
 * their mandates and early ends are the compliance IEP consumer's (iep_version, mandate,
 * iep_ending); which version is current is decided when reading, so versions may arrive in any
 * order. A version's goals are replaced only by a statement of that version at least as new.
 */
@ApplicationScoped
public class ProgressIepConsumer extends BatchingConsumer {

    public ProgressIepConsumer() {
        super("reporting.progress.iep", ProgressProjection.NAME, Topics.IEP);
    }

    @Incoming("progress-iep-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "IepActivated" -> {
                IepActivated iep = event.dataAs(IepActivated.TYPE, mapper);
                goals(iep.iepId(), iep.studentId(), iep.goals(), EventTimes.of(event));
            }
            case "IepAmended" -> {
                IepAmended iep = event.dataAs(IepAmended.TYPE, mapper);
                goals(iep.iepId(), iep.studentId(), iep.goals(), EventTimes.of(event));
            }
            default -> {
                // IepEnded and service profiles: nothing about goals
            }
        }
    }

    private void goals(UUID iepId, UUID studentId, List<IepActivated.Goal> goals, OffsetDateTime time) {
        if (iepId == null || studentId == null) {
            throw new IllegalArgumentException("IEP event lacks iepId or studentId");
        }
        boolean newerStored = sql.one("select max(event_time) as latest from progress_goal where iep_id = ?",
                        rs -> rs.timestamp("latest"), iepId)
                .map(latest -> time.isBefore(latest)).orElse(false);
        if (newerStored) {
            return; // an older statement of the same version
        }
        sql.update("delete from progress_goal where iep_id = ?", iepId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            IepActivated.Goal g = goals.get(i);
            rows.add(new Object[]{iepId, g.goalId(), studentId, i, g.area(), g.description(), g.baseline(),
                    g.target(), g.targetPercent(), g.measurementMethod(), g.skillStage(), g.serviceType(), time,
                    g.continuesGoalId(), g.direction(), g.targetValue(), g.durationUnit(), g.scaleMin(), g.scaleMax()});
        }
        sql.batch("""
                insert into progress_goal (iep_id, goal_id, student_id, position, area, description, baseline, target,
                    target_percent, measurement_method, skill_stage, service_type, event_time, continues_goal_id,
                    direction, target_value, duration_unit, scale_min, scale_max)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (iep_id, goal_id) do nothing""", rows);
    }
}
