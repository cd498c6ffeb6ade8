package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One goal-data entry of a session for a student, in the order the session log listed them. */
@Entity
@Table(name = "progress_goal_point")
public class ProgressGoalPoint extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "goal_id")
    public UUID goalId;

    public String measure;

    public Integer correct;

    public Integer total;

    public Double percent;

    public Integer count;

    @Column(name = "intervals_observed")
    public Integer intervalsObserved;

    @Column(name = "intervals_with_behavior")
    public Integer intervalsWithBehavior;

    @Column(name = "cue_level")
    public String cueLevel;

    @Column(name = "probe_result")
    public String probeResult;

    /** Anecdotal note on the goal: clinical, never shown to teachers or families. */
    public String note;

    /** DURATION data, in seconds. */
    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    /** RUBRIC data: the score on the goal's scale. */
    @Column(name = "rubric_score")
    public Integer rubricScore;

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId, @Column(name = "student_id") UUID studentId,
                      int position) implements Serializable {
    }
}
