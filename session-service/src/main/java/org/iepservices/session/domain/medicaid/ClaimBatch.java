package org.iepservices.session.domain.medicaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One claim export. Written once with its lines and its CSV file; nothing in it changes afterwards,
 * so every download of the file gives the same bytes.
 */
@Entity
@Table(name = "medicaid_claim_batch")
public class ClaimBatch extends PanacheEntityBase {

    public enum State {
        /** The file was produced: its lines count as billed; corrections go into a later batch. */
        EXPORTED
    }

    @Id
    public UUID id;

    /** The district of the admin who exported it; null in a single-district deployment. */
    @Column(name = "district_id")
    public UUID districtId;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "line_count")
    public int lineCount;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_content")
    public byte[] fileContent;

    @Column(name = "file_sha256")
    public String fileSha256;
}
