package org.iepservices.schedule.domain.iep;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An annual goal of an IEP version: what push-in recommendations weigh (area, skill stage). */
@Entity
@Table(name = "iep_goal")
public class Goal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

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
}
