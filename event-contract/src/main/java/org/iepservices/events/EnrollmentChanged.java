package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A user's enrollment in a class was created, changed or ended ({@code status} tobedeleted).
 * The subject (Kafka key) is {@code userId}: the student id for student enrollments, so a
 * student's class changes stay in order with their other roster events. {@code role} is the
 * OneRoster role: student, teacher, aide, administrator, proctor.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentChanged(
        UUID enrollmentId,
        String sourcedId,
        UUID classId,
        UUID schoolId,
        UUID userId,
        String role,
        boolean primary,
        LocalDate beginDate,
        LocalDate endDate,
        String status) {

    public static final EventType<EnrollmentChanged> TYPE =
            new EventType<>("EnrollmentChanged", Topics.ROSTER, 1, EnrollmentChanged.class);
}
