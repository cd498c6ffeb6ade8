package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The district (OneRoster org of type district) its schools belong to. */
@Entity
@Table(name = "district")
public class District extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String name;

    /** active, or tobedeleted when the roster no longer lists it. */
    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
