package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** schedule-service's copy of a school (SchoolUpserted); student-service owns it. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String name;

    @Column(name = "district_id")
    public UUID districtId;

    @Column(name = "time_zone")
    public String timeZone;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
