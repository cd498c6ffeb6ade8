package org.iepservices.schedule.domain.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A provider is at a school on a weekday between two times (Mondays 8:00-11:30 at Lincoln). */
@Entity
@Table(name = "availability_window")
public class AvailabilityWindow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    public DayOfWeek dayOfWeek;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    @Version
    public long version;

    public ProviderWindow toWindow() {
        return new ProviderWindow(schoolId, dayOfWeek, new TimeSpan(startTime, endTime));
    }
}
