package org.iepservices.session.domain.medicaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A line of an exported batch: never changed once written. */
@Entity
@Table(name = "medicaid_claim_batch_line")
public class ClaimBatchLine extends PanacheEntityBase {

    public enum Kind {
        /** First claim for the student's part in the session. */
        ORIGINAL,
        /** Cancels an exported line ({@code replacesLineId}), repeating what it billed. */
        VOID,
        /** The corrected claim for a line voided in the same batch. */
        REPLACEMENT
    }

    @Id
    public UUID id;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "line_no")
    public int lineNo;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "session_log_id")
    public UUID sessionLogId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "replaces_line_id")
    public UUID replacesLineId;

    public String fingerprint;

    /** The claim as exported (JSON). */
    public String content;
}
