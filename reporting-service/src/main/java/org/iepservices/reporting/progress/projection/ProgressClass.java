package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A class section (ClassUpserted): the title teachers recognise their push-in sessions by. */
@Entity
@Table(name = "progress_class")
public class ProgressClass extends PanacheEntityBase {

    @Id
    @Column(name = "class_id")
    public UUID classId;

    public String title;

    @Column(name = "school_id")
    public UUID schoolId;

    public String status;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;
}
