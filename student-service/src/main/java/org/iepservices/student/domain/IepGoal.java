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

    @Column(name = "target_percent")
    public Integer targetPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "skill_stage")
    public SkillStage skillStage;
}
