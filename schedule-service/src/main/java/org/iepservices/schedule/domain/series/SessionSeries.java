package org.iepservices.schedule.domain.series;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A weekly recurring session: one provider, one or more students, one setting (push-in into a
 * class activity block, or pull-out to a room), on a weekday and time, between two dates.
 */
@Entity
@Table(name = "session_series")
public class SessionSeries extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "service_type")
    public String serviceType;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "activity_block_id")
    public UUID activityBlockId;

    public String room;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    public DayOfWeek dayOfWeek;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "cancelled_from")
    public LocalDate cancelledFrom;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "override_reason")
    public String overrideReason;

    /** Comma-separated ConflictKind names accepted with the override. */
    @Column(name = "overridden_conflicts")
    public String overriddenConflicts;

    /** Why the series no longer fits the mandate that continues its students' IEP (null: it fits). */
    @Column(name = "reschedule_reason")
    public String rescheduleReason;

    /** Since when it does not fit: the date the IEP change took effect. */
    @Column(name = "reschedule_from")
    public LocalDate rescheduleFrom;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "series_student", joinColumns = @JoinColumn(name = "series_id"))
    public List<SeriesMember> members = new ArrayList<>();

    public TimeSpan time() {
        return TimeSpan.of(startTime, durationMinutes);
    }

    /** The last date the series runs: its end, or the day before it was cancelled from. */
    public LocalDate lastDay() {
        if (cancelledFrom != null && !cancelledFrom.isAfter(effectiveTo)) {
            return cancelledFrom.minusDays(1);
        }
        return effectiveTo;
    }

    /** Cancelled from its first day on: it never runs. */
    public boolean cancelledEntirely() {
        return cancelledFrom != null && !cancelledFrom.isAfter(effectiveFrom);
    }

    public List<SeriesMember> activeMembers() {
        return members.stream().filter(SeriesMember::active).toList();
    }

    public Optional<SeriesMember> member(UUID studentId) {
        return members.stream().filter(m -> m.studentId().equals(studentId)).findFirst();
    }
}
