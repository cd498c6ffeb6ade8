package org.iepservices.reporting.progress.projection;

import jakarta.persistence.EntityManager;
import org.iepservices.events.Topics;

import java.util.List;

/**
 * The read models of goal progress and communication: for each, the consumer that alone writes
 * it, the topic it is built from and every table it owns. Nothing else writes these tables and
 * nothing in them depends on when an event was applied (only on the events' own times), so
 * {@link #reset} followed by a replay of the topic from the beginning rebuilds them exactly.
 */
public enum ProgressProjection {

    ROSTER("reporting.progress.roster", Topics.ROSTER,
            List.of("progress_student", "progress_staff", "progress_class", "progress_enrollment")),
    IEP("reporting.progress.iep", Topics.IEP,
            List.of("progress_iep", "progress_goal", "progress_mandate")),
    SCHEDULE("reporting.progress.schedule", Topics.SCHEDULE,
            List.of("progress_series", "progress_series_teacher", "progress_occurrence")),
    SESSIONS("reporting.progress.sessions", Topics.SESSION,
            List.of("progress_session", "progress_goal_point", "progress_miss"));

    private final String consumerName;
    private final String topic;
    private final List<String> tables;

    ProgressProjection(String consumerName, String topic, List<String> tables) {
        this.consumerName = consumerName;
        this.topic = topic;
        this.tables = tables;
    }

    /** The name in the consumed_event ledger. */
    public String consumerName() {
        return consumerName;
    }

    public String topic() {
        return topic;
    }

    public List<String> tables() {
        return tables;
    }

    /** Empties the projection and forgets which events it consumed; call inside a transaction. */
    public void reset(EntityManager em) {
        for (String table : tables) {
            em.createNativeQuery("delete from " + table).executeUpdate();
        }
        em.createNativeQuery("delete from consumed_event where consumer = :consumer")
                .setParameter("consumer", consumerName).executeUpdate();
    }
}
