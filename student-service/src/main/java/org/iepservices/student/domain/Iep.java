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

@Entity
@Table(name = "iep")
public class Iep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "student_id")
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    public IepStatus status;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "annual_review_date")
    public LocalDate annualReviewDate;

    @Column(name = "reevaluation_date")
    public LocalDate reevaluationDate;

    public String eligibility;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

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
}
