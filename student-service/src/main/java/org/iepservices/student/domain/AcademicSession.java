package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A school year, semester, term or grading period (OneRoster academicSession). */
@Entity
@Table(name = "academic_session")
public class AcademicSession extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String title;

    /** gradingPeriod, semester, schoolYear or term (or an ext: value). */
    public String type;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "parent_sourced_id")
    public String parentSourcedId;

    @Column(name = "school_year")
    public String schoolYear;

    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
