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
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One student's part in a recurring series. {@code stateTime} is the time of the snapshot
 * (SessionSeriesScheduled/Changed) applied; {@code endedFrom} comes from SessionSeriesCancelled and
 * applies unless a newer snapshot replaced the series after it.
 */
@Entity
@Table(name = "progress_series")
public class ProgressSeries extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

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

    @Column(name = "activity_subject")
    public String activitySubject;

    public String room;

    @Column(name = "group_size")
    public Integer groupSize;

    @Column(name = "state_time")
    public OffsetDateTime stateTime;

    @Column(name = "ended_from")
    public LocalDate endedFrom;

    @Column(name = "ended_time")
    public OffsetDateTime endedTime;

    /** Whether an occurrence on {@code date} is still part of the series. */
    public boolean runsOn(LocalDate date) {
        boolean endStands = endedFrom != null && (stateTime == null || !endedTime.isBefore(stateTime));
        return !endStands || date.isBefore(endedFrom);
    }

    @Embeddable
    public record Key(@Column(name = "series_id") UUID seriesId, @Column(name = "student_id") UUID studentId)
            implements Serializable {
    }
}
