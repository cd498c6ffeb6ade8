package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An annual goal of an IEP version; goal data in a session log must refer to one of the student's. */
@Entity
@Table(name = "known_goal")
public class KnownGoal extends PanacheEntityBase {

    @Id
    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    public String area;

    public String description;

    @Column(name = "measurement_method")
    public String measurementMethod;

    @Column(name = "skill_stage")
    public String skillStage;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "target_percent")
    public Integer targetPercent;

    /** INCREASE or DECREASE; null in copies of events that did not say (then INCREASE). */
    public String direction;

    @Column(name = "target_value")
    public Double targetValue;

    /** DURATION goals: SECONDS or MINUTES. */
    @Column(name = "duration_unit")
    public String durationUnit;

    /** RUBRIC goals: the scale goal data must lie on. */
    @Column(name = "scale_min")
    public Integer scaleMin;

    @Column(name = "scale_max")
    public Integer scaleMax;
}
