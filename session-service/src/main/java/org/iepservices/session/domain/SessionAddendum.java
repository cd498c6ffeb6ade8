package org.iepservices.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who corrected a locked session log, when, why, and what changed (old and new values). */
@Entity
@Table(name = "session_addendum")
public class SessionAddendum extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_log_id")
    public UUID sessionLogId;

    public String author;

    @Column(name = "author_credentials")
    public String authorCredentials;

    /** The token subject of who wrote it, and the role they wrote it in (provider or district-admin). */
    @Column(name = "author_subject")
    public String authorSubject;

    @Column(name = "author_role")
    public String authorRole;

    public String reason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "addendum_change", joinColumns = @JoinColumn(name = "addendum_id"))
    public List<Change> changes = new ArrayList<>();

    /** {@code field} is {@code attendance} or {@code minutes} of the student's line. */
    @Embeddable
    public record Change(@Column(name = "student_id") UUID studentId, String field,
                         @Column(name = "old_value") String oldValue, @Column(name = "new_value") String newValue) {
    }
}
