package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A school as roster.events described it: which district's makeup policy applies there. */
@Entity
@Table(name = "known_school")
public class KnownSchool extends PanacheEntityBase {

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    public String name;

    @Column(name = "district_id")
    public UUID districtId;

    @Column(name = "time_zone")
    public String timeZone;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
