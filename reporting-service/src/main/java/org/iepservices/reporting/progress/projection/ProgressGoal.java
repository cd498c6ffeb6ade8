package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A goal as one IEP version words it; a goal carried over by an amendment has a row per version. */
@Entity
@Table(name = "progress_goal")
public class ProgressGoal extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "student_id")
    public UUID studentId;

    public int position;

    public String area;

    public String description;

    public String baseline;

    public String target;

    @Column(name = "target_percent")
    public Integer targetPercent;

    @Column(name = "measurement_method")
    public String measurementMethod;

    @Column(name = "skill_stage")
    public String skillStage;

    @Column(name = "service_type")
    public String serviceType;

    /** INCREASE or DECREASE; null for goals from events that did not say (read as INCREASE). */
    public String direction;

    /** The target in the goal's own measure when not a percentage (count, duration, rubric score). */
    @Column(name = "target_value")
    public Double targetValue;

    /** DURATION goals: SECONDS or MINUTES. */
    @Column(name = "duration_unit")
    public String durationUnit;

    /** RUBRIC goals: the rubric's scale. */
    @Column(name = "scale_min")
    public Integer scaleMin;

    @Column(name = "scale_max")
    public Integer scaleMax;

    /** Time of the IEP statement that listed the goal: an older statement of the version never replaces it. */
    /** The goal of the amended version this one continues (its data history carries on here). */
    @Column(name = "continues_goal_id")
    public UUID continuesGoalId;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Embeddable
    public record Key(@Column(name = "iep_id") UUID iepId, @Column(name = "goal_id") UUID goalId)
            implements Serializable {
    }
}
