package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What one student's completed session (SessionCompleted) says beyond its credit: service, format,
 * times, attendance, the provider's progress note and the push-in context. The credit (date,
 * setting, minutes after addenda) is the row of {@code delivered_session} with the same key.
 */
@Entity
@Table(name = "progress_session")
public class ProgressSession extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

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

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId, @Column(name = "student_id") UUID studentId)
            implements Serializable {
    }
}
