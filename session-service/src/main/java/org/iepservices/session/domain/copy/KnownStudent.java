package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A student as roster.events described it: school (hence district), status, name for claims. */
@Entity
@Table(name = "known_student")
public class KnownStudent extends PanacheEntityBase {

    public static final String INACTIVE = "tobedeleted";

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

    /** Set by StudentDeactivated: no sessions from this date on. */
    @Column(name = "deactivated_on")
    public LocalDate deactivatedOn;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * Whether the student had left the roster on {@code date}. A status without a date is not
     * enough to refuse a session: the log may document a day before the student left.
     */
    public boolean leftOnOrBefore(LocalDate date) {
        return deactivatedOn != null && !date.isBefore(deactivatedOn);
    }
}
