package org.iepservices.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * A student as the roster last stated them (StudentUpserted), read-only: the compliance roster
 * consumer writes the row (newest event time wins; a deactivation seen first leaves the names null).
 */
@Entity
@Immutable
@Table(name = "student")
public class Student extends PanacheEntityBase {

    @Id
    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String grade;

    @Column(name = "school_id")
    public UUID schoolId;

    public String displayName() {
        return PersonName.of(givenName, familyName);
    }
}
