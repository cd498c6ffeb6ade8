package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.iepservices.events.ServiceSetting;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One student's completed session (SessionCompleted) with its push-in context and the provider's
 * progress note; an addendum (SessionAmended) replaces minutes, setting and date. Credited with
 * 0 minutes means the student turned out not to have had the session.
 */
@Entity
@Table(name = "progress_session")
public class ProgressSession extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** False while only an addendum has been seen (the SessionCompleted is still to come). */
    public boolean completed;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    public int minutes;

    @Column(name = "makeup_minutes")
    public int makeupMinutes;

    @Column(name = "service_type")
    public String serviceType;

    public String format;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    public String attendance;

    @Column(name = "progress_note")
    public String progressNote;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "teacher_id")
    public UUID teacherId;

    @Column(name = "activity_subject")
    public String activitySubject;

    @Column(name = "co_teaching_model")
    public String coTeachingModel;

    @Column(name = "classroom_structure")
    public String classroomStructure;

    @Column(name = "teacher_debrief_note")
    public String teacherDebriefNote;

    @Column(name = "non_instructional")
    public Boolean nonInstructional;

    @Column(name = "amended_time")
    public OffsetDateTime amendedTime;

    /** Completed and still credited with minutes: the session counts. */
    public boolean counts() {
        return completed && minutes > 0;
    }

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId, @Column(name = "student_id") UUID studentId)
            implements Serializable {
    }
}
