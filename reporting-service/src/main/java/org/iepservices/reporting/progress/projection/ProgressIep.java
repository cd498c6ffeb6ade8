package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One IEP version (IepActivated or IepAmended), and its early end (IepEnded). Each field has one
 * writer, so the row ends the same whatever order the three events arrive in.
 */
@Entity
@Table(name = "progress_iep")
public class ProgressIep extends PanacheEntityBase {

    @Id
    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "supersedes_iep_id")
    public UUID supersedesIepId;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    /** The last day the IEP is in force as far as its own events say (early end wins). */
    public LocalDate lastDay() {
        if (endedOn != null && (endDate == null || endedOn.isBefore(endDate))) {
            return endedOn;
        }
        return endDate;
    }
}
