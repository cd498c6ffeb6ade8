package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A provider (SLP, OT, PT, counselor) or a teacher, working at one or more schools. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    /** Unique when present; roster users may come without one. */
    public String email;

    @Enumerated(EnumType.STRING)
    public Discipline discipline;

    @Enumerated(EnumType.STRING)
    @Column(name = "discipline_source")
    public DisciplineSource disciplineSource = DisciplineSource.API;

    /** Licence and certification, e.g. "CCC-SLP"; printed with signatures and on Medicaid claims. */
    public String credentials;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_school", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new LinkedHashSet<>();

    /** The SIS's id (OneRoster sourcedId) when the person came from a roster. */
    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    /** The OneRoster role the SIS gives (teacher, aide, administrator, counselor...); null when created through our API. */
    @Column(name = "roster_role")
    public String rosterRole;

    /** active, or tobedeleted (left the roster; history kept). */
    public String status = RosterStatus.ACTIVE;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
