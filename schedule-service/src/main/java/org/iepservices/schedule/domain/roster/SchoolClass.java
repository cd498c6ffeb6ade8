package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** schedule-service's copy of a class section (ClassUpserted): what push-in sessions join. */
@Entity
@Table(name = "school_class")
public class SchoolClass extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String title;

    @Column(name = "class_type")
    public String classType;

    @Column(name = "school_id")
    public UUID schoolId;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
