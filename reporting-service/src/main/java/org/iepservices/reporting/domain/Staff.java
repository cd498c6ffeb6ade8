package org.iepservices.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** A provider or teacher as the roster last stated them (StaffUpserted), read-only (written by the roster consumer). */
@Entity
@Immutable
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String discipline;

    public String displayName() {
        return PersonName.of(givenName, familyName);
    }
}
