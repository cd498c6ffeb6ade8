package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** schedule-service's copy of who is in which class (EnrollmentChanged): students and teachers. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    public static final String STUDENT = "student";
    public static final String TEACHER = "teacher";

    @Id
    public UUID id;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "user_id")
    public UUID userId;

    /** OneRoster role: student, teacher, aide, administrator, proctor. */
    public String role;

    @Column(name = "is_primary")
    public boolean primary;

    @Column(name = "begin_date")
    public LocalDate beginDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Current (not ended by status) and overlapping [from, to]. */
    public boolean activeDuring(LocalDate from, LocalDate to) {
        return !Student.INACTIVE.equalsIgnoreCase(status)
                && (beginDate == null || !beginDate.isAfter(to))
                && (endDate == null || !endDate.isBefore(from));
    }
}
