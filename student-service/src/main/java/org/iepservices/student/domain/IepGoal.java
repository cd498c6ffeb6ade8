package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/** An annual goal: where the student is (baseline), where they should get (target), how it is measured. */
@Entity
@Table(name = "iep_goal")
public class IepGoal extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "iep_id")
    public Iep iep;

    public int position;

    @Enumerated(EnumType.STRING)
    public GoalArea area;

    public String description;

    public String baseline;

    /** The criterion in words, e.g. "80% accuracy in 4 of 5 sessions". */
    public String target;

    @Column(name = "target_percent")
    public Integer targetPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "measurement_method")
    public MeasurementMethod measurementMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "skill_stage")
    public SkillStage skillStage;

    /** The service that works on this goal. */
    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceType serviceType;

    /** Whether higher (INCREASE) or lower (DECREASE) values are better; INCREASE for goals written before. */
    @Enumerated(EnumType.STRING)
    public GoalDirection direction = GoalDirection.INCREASE;

    /** The target in the goal's own measure when not a percentage: count, duration in its unit, rubric score. */
    @Column(name = "target_value")
    public Double targetValue;

    /** DURATION goals: the unit the goal is written in. */
    @Enumerated(EnumType.STRING)
    @Column(name = "duration_unit")
    public DurationUnit durationUnit;

    /** RUBRIC goals: the rubric's lowest and highest score. */
    @Column(name = "scale_min")
    public Integer scaleMin;

    @Column(name = "scale_max")
    public Integer scaleMax;

    /** The goal of the amended version this one carries on. */
    @Column(name = "continues_goal_id")
    public UUID continuesGoalId;
}
