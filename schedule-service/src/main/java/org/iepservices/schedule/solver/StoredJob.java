package org.iepservices.schedule.solver;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A scheduler job as every replica sees it: what was asked, where it stands, and the week found. */
@Entity
@Table(name = "scheduler_job")
public class StoredJob extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "week_of")
    public LocalDate weekOf;

    @Enumerated(EnumType.STRING)
    public SchedulerJobs.State state;

    /** The instance solving it (only that JVM holds the solver). */
    public String owner;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    public String score;

    public boolean feasible;

    @Column(name = "placed_minutes")
    public int placedMinutes;

    @Column(name = "mandated_minutes")
    public int mandatedMinutes;

    /** PlaceableMinutesBound of the problem (null for jobs stored before it existed). */
    @Column(name = "upper_bound_minutes")
    public Integer upperBoundMinutes;

    /** The ScheduleProblem as JSON. */
    public String problem;

    /** The origin's notes as a JSON array. */
    public String notes;

    /** The final ScheduleResult as JSON (null until finished). */
    public String result;

    public String error;

    public boolean active() {
        return state == SchedulerJobs.State.QUEUED || state == SchedulerJobs.State.SOLVING;
    }
}
