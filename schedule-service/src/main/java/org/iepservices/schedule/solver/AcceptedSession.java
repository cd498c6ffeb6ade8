package org.iepservices.schedule.solver;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A proposed session of a scheduler job that was accepted as a series. */
@Entity
@Table(name = "scheduler_job_accepted")
@IdClass(AcceptedSession.Key.class)
public class AcceptedSession extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID jobId;
        public UUID sessionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(jobId, k.jobId)
                    && java.util.Objects.equals(sessionId, k.sessionId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobId, sessionId);
        }
    }

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "series_id")
    public UUID seriesId;
}
