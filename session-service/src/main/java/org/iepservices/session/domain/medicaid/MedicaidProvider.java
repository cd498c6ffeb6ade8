package org.iepservices.session.domain.medicaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A provider's billing identity: NPI, the discipline they bill as (an SLPA rostered as SLP so they
 * can document speech sessions bills as SLPA) and, for an assistant, the supervising clinician.
 */
@Entity
@Table(name = "medicaid_provider")
public class MedicaidProvider extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    public String npi;

    @Column(name = "billing_discipline")
    public String billingDiscipline;

    @Column(name = "supervisor_id")
    public UUID supervisorId;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
