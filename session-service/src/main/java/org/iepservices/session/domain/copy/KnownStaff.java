package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A staff member as roster.events described them: discipline (what they may deliver) and credentials (claims). */
@Entity
@Table(name = "known_staff")
public class KnownStaff extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    /** SLP, OT, PT, COUNSELOR or TEACHER. */
    public String discipline;

    public String credentials;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public String displayName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }
}
