package org.iepservices.student.domain;

import org.iepservices.student.domain.roster.RosterDistrict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A course (OneRoster course): what classes are sections of. */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String title;

    @Column(name = "course_code")
    public String courseCode;

    @Column(name = "school_year_sourced_id")
    public String schoolYearSourcedId;

    @Column(name = "org_sourced_id")
    public String orgSourcedId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> grades = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> subjects = new ArrayList<>();

    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
