package org.iepservices.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** Links a student's line in a (makeup) session log to a miss it repays, with the minutes repaid. */
@Entity
@Table(name = "makeup_link")
public class MakeupLink extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Allocated at completion; 0 while the log is a draft. */
    public int minutes;

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId,
                      @Column(name = "student_id") UUID studentId,
                      @Column(name = "miss_id") UUID missId) implements Serializable {
    }
}
