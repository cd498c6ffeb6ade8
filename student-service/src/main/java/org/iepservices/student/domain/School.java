package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "district_id")
    public UUID districtId;

    /** The SIS's id (OneRoster sourcedId), when the school came from a roster. */
    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "time_zone")
    public String timeZone;

    /** OneRoster status: active, or tobedeleted (the roster no longer lists it; history kept). */
    public String status = RosterStatus.ACTIVE;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
