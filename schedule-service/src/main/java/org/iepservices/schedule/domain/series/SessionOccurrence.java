package org.iepservices.schedule.domain.series;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One dated session of a series. {@code originalDate} identifies it within the series (the date
 * the pattern gave it); {@code date} and {@code startTime} differ once it was moved.
 */
@Entity
@Table(name = "session_occurrence")
public class SessionOccurrence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "original_date")
    public LocalDate originalDate;

    @Column(name = "occurs_on")
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    public int minutes;

    @Enumerated(EnumType.STRING)
    public OccurrenceStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancellationReason cancelReason;

    @Column(name = "cancel_note")
    public String cancelNote;

    public boolean moved;

    /** Why a move accepted hard conflicts, when it did. */
    @Column(name = "override_reason")
    public String overrideReason;

    @Version
    public long version;

    public TimeSpan time() {
        return TimeSpan.of(startTime, minutes);
    }

    public boolean scheduled() {
        return status == OccurrenceStatus.SCHEDULED;
    }

    /** Cancelled, or moved away from its pattern date: the pattern does not take place on originalDate. */
    public boolean exception() {
        return status != OccurrenceStatus.SCHEDULED || moved;
    }
}
