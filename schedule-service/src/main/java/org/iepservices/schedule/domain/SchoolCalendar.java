package org.iepservices.schedule.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A school's year: first and last day, and the weekdays without instruction. */
@Entity
@Table(name = "school_calendar")
public class SchoolCalendar extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "school_year")
    public String schoolYear;

    @Column(name = "first_day")
    public LocalDate firstDay;

    @Column(name = "last_day")
    public LocalDate lastDay;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "non_instructional_day", joinColumns = @JoinColumn(name = "calendar_id"))
    public List<NonInstructionalDay> nonInstructionalDays = new ArrayList<>();

    public SchoolYear year() {
        return new SchoolYear(firstDay, lastDay, nonInstructionalDays);
    }
}
