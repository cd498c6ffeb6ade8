package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the push-in/pull-out recommendation and Medicaid billing need to know about a student
 * beyond the IEP: regulation and sensory needs, and the billing identity, diagnoses and consent.
 */
@Entity
@Table(name = "student_service_profile")
public class StudentServiceProfile extends PanacheEntityBase {

    @Id
    @Column(name = "student_id")
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "regulation_support")
    public RegulationSupport regulationSupport = RegulationSupport.NONE;

    @Column(name = "needs_quiet_setting")
    public boolean needsQuietSetting;

    @Column(name = "medicaid_id")
    public String medicaidId;

    /** ICD-10-CM codes in their dotted form, e.g. F80.2. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "student_diagnosis_code", joinColumns = @JoinColumn(name = "student_id"))
    @OrderColumn(name = "position")
    @Column(name = "code")
    public List<String> diagnosisCodes = new ArrayList<>();

    @Column(name = "billing_consent_on_file")
    public boolean billingConsentOnFile;

    @Column(name = "billing_consent_date")
    public LocalDate billingConsentDate;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The profile of a student nobody has described yet: no needs recorded, nothing billable. */
    public static StudentServiceProfile empty(UUID studentId) {
        StudentServiceProfile profile = new StudentServiceProfile();
        profile.studentId = studentId;
        return profile;
    }

    /** Same content, whatever the bookkeeping (version, timestamps). */
    public boolean sameContentAs(StudentServiceProfile other) {
        return regulationSupport == other.regulationSupport && needsQuietSetting == other.needsQuietSetting
                && java.util.Objects.equals(medicaidId, other.medicaidId)
                && diagnosisCodes.equals(other.diagnosisCodes)
                && billingConsentOnFile == other.billingConsentOnFile
                && java.util.Objects.equals(billingConsentDate, other.billingConsentDate);
    }
}
