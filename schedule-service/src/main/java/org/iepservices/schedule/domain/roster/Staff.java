package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** schedule-service's copy of a provider or teacher (StaffUpserted). */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String email;

    /** SLP, OT, PT, COUNSELOR or TEACHER. */
    public String discipline;

    public String credentials;

    public String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_school", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new HashSet<>();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public String displayName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }
}
