package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One student's part in one scheduled occurrence, from schedule.events. A group occurrence has a
 * row per student; a log created for the occurrence takes its students, times and class from them.
 */
@Entity
@Table(name = "scheduled_occurrence")
public class ScheduledOccurrence extends PanacheEntityBase {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    @EmbeddedId
    public Key key;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "service_type")
    public String serviceType;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "teacher_ids")
    @Convert(converter = StringListConverter.class)
    public List<String> teacherIds = new ArrayList<>();

    @Column(name = "activity_subject")
    public String activitySubject;

    public String room;

    @Column(name = "occurrence_date")
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    public int minutes;

    @Column(name = "group_size")
    public int groupSize;

    public String status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancel_note")
    public String cancelNote;

    /** Time of the event that last changed the row: an older event arriving later does not undo it. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    public LocalTime endTime() {
        return startTime == null ? null : startTime.plusMinutes(minutes);
    }

    public UUID teacherId() {
        return teacherIds.isEmpty() ? null : UUID.fromString(teacherIds.get(0));
    }

    @Embeddable
    public record Key(@Column(name = "occurrence_id") UUID occurrenceId,
                      @Column(name = "student_id") UUID studentId) implements Serializable {
    }
}
