package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person in a class (OneRoster enrollment): a student, or a teacher / aide. Keeps the sourcedIds
 * it came with; the ids of the class and person are filled once those are projected.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "class_sourced_id")
    public String classSourcedId;

    @Column(name = "user_sourced_id")
    public String userSourcedId;

    @Column(name = "school_sourced_id")
    public String schoolSourcedId;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "staff_id")
    public UUID staffId;

    /** The OneRoster role: student, teacher, aide, administrator, proctor... */
    public String role;

    @Column(name = "is_primary")
    public boolean primary;

    @Column(name = "begin_date")
    public LocalDate beginDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The person's id: the student's or the staff member's, null while the person is not projected. */
    public UUID userId() {
        return studentId != null ? studentId : staffId;
    }

    /** In force on {@code day}: active and within its begin/end dates (open ends allowed). */
    public boolean isCurrent(LocalDate day) {
        return RosterStatus.ACTIVE.equals(status) && (beginDate == null || !beginDate.isAfter(day))
                && (endDate == null || !endDate.isBefore(day));
    }
}
