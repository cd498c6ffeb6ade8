package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's enrollment in a class (EnrollmentChanged); role teacher makes it one of their classes. */
@Entity
@Table(name = "progress_enrollment")
public class ProgressEnrollment extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "user_id")
    public UUID userId;

    public String role;

    public String status;

    @Column(name = "begin_date")
    public LocalDate beginDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;
}
