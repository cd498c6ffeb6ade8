package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A student's name and grade as the roster last stated them (StudentUpserted). */
@Entity
@Table(name = "progress_student")
public class ProgressStudent extends PanacheEntityBase {

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

    public String status;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    public String displayName() {
        return PersonName.of(givenName, familyName);
    }
}
