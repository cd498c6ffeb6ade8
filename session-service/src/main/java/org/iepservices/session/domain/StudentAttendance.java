package org.iepservices.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.UUID;

/** One student's line in a session log. */
@Embeddable
public class StudentAttendance {

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "mandate_id", nullable = false)
    public UUID mandateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attendance attendance;

    @Column(nullable = false)
    public int minutes;

    public StudentAttendance() {
    }

    public StudentAttendance(UUID studentId, UUID mandateId, Attendance attendance, int minutes) {
        this.studentId = studentId;
        this.mandateId = mandateId;
        this.attendance = attendance;
        this.minutes = minutes;
    }
}
