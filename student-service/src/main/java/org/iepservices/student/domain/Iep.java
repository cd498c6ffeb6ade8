package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One version of a student's IEP. An amendment is a new version of the same IEP
 * ({@link #originalIepId}) with its own {@link #effectiveFrom}; the amended version is kept,
 * in force up to the day before. Nothing but a draft is ever changed in place.
 */
@Entity
@Table(name = "iep")
public class Iep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "student_id")
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    public IepStatus status;

    /** The IEP term, shared by every version of one IEP. */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** The first day this version's goals and mandates apply: startDate, or an amendment's date. */
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "annual_review_date")
    public LocalDate annualReviewDate;

    @Column(name = "reevaluation_date")
    public LocalDate reevaluationDate;

    public String eligibility;

    /** The first version of this IEP (itself for an original); the amendment chain's key. */
    @Column(name = "original_iep_id")
    public UUID originalIepId;

    /** 1 for the original, +1 per amendment. */
    @Column(name = "version_number")
    public int versionNumber;

    /** The version this amendment amends; null for an original. */
    @Column(name = "amends_id")
    public UUID amendsId;

    @Column(name = "amendment_reason")
    public String amendmentReason;

    /** The IEP that was in force when this one was activated (the amended version or the previous IEP). */
    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    /** The date the superseding version took effect; this one applies up to the day before. */
    @Column(name = "superseded_from")
    public LocalDate supersededFrom;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "iep", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<IepGoal> goals = new ArrayList<>();

    @OneToMany(mappedBy = "iep", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ServiceMandate> mandates = new ArrayList<>();

    public boolean isAmendment() {
        return amendsId != null;
    }

    /** The last day this version applied or will apply; null for a draft. */
    public LocalDate effectiveTo() {
        return IepRules.effectiveTo(status, endDate, supersededFrom, endedOn);
    }
}
