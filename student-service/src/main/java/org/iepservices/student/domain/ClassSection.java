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

/**
 * A class section (OneRoster class, homeroom or scheduled) at a school. Push-in sessions happen
 * inside one; its teachers and students are its enrollments.
 */
@Entity
@Table(name = "class_section")
public class ClassSection extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The district whose roster this row belongs to (sourcedIds are unique per district); nil: none known. */
    @Column(name = "roster_district")
    public UUID rosterDistrict = RosterDistrict.NONE;

    @Column(name = "sourced_id")
    public String sourcedId;

    public String title;

    @Column(name = "class_code")
    public String classCode;

    @Column(name = "class_type")
    public String classType;

    public String location;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "course_sourced_id")
    public String courseSourcedId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "term_sourced_ids")
    public List<String> termSourcedIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> grades = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> subjects = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> periods = new ArrayList<>();

    public String status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
