package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** schedule-service's copy of a student (StudentUpserted, StudentDeactivated). */
@Entity
@Table(name = "student")
public class Student extends PanacheEntityBase {

    public static final String INACTIVE = "tobedeleted";

    @Id
    public UUID id;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String grade;

    @Column(name = "school_id")
    public UUID schoolId;

    public String status;

    @Column(name = "deactivated_on")
    public LocalDate deactivatedOn;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public String displayName() {
        if (givenName == null && familyName == null) {
            return null;
        }
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }
}
