package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What Medicaid billing needs about a student beyond the IEP (ServiceProfileUpdated). */
@Entity
@Table(name = "service_profile")
public class ServiceProfile extends PanacheEntityBase {

    @Id
    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "medicaid_id")
    public String medicaidId;

    /** ICD-10 codes, primary first. */
    @Column(name = "diagnosis_codes")
    @Convert(converter = StringListConverter.class)
    public List<String> diagnosisCodes = new ArrayList<>();

    @Column(name = "billing_consent")
    public boolean billingConsent;

    @Column(name = "billing_consent_date")
    public LocalDate billingConsentDate;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Parental consent to bill Medicaid was on file on {@code date}. */
    public boolean consentOn(LocalDate date) {
        return billingConsent && (billingConsentDate == null || !billingConsentDate.isAfter(date));
    }
}
