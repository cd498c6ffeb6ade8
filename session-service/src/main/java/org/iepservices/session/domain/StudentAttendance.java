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

    /** The mandate's service (SPEECH_LANGUAGE, ...), copied at logging time for events and claims. */
    @Column(name = "service_type")
    public String serviceType;

    /** The provider's note on this student's session; may be quoted to the family. */
    @Column(name = "progress_note")
    public String progressNote;

    public StudentAttendance() {
    }

    public StudentAttendance(UUID studentId, UUID mandateId, Attendance attendance, int minutes) {
        this.studentId = studentId;
        this.mandateId = mandateId;
        this.attendance = attendance;
        this.minutes = minutes;
    }

    public StudentAttendance(UUID studentId, UUID mandateId, Attendance attendance, int minutes, String serviceType,
                             String progressNote) {
        this(studentId, mandateId, attendance, minutes);
        this.serviceType = serviceType;
        this.progressNote = progressNote;
    }

    /** Present for at least part of the session. */
    public boolean attended() {
        return attendance != Attendance.ABSENT && minutes > 0;
    }
}
