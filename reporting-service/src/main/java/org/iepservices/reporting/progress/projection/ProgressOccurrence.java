package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A dated occurrence of a series for one student. The newest event about it wins: a snapshot
 * listing it, a cancellation, or a move ({@code stateTime} is that event's time).
 */
@Entity
@Table(name = "progress_occurrence")
public class ProgressOccurrence extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "occurs_on")
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    public int minutes;

    public boolean cancelled;

    @Column(name = "state_time")
    public OffsetDateTime stateTime;

    @Embeddable
    public record Key(@Column(name = "occurrence_id") UUID occurrenceId, @Column(name = "student_id") UUID studentId)
            implements Serializable {
    }
}
