package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.SchoolYear;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads school calendars as plain school years: which dates are school days. */
@ApplicationScoped
public class SchoolYears {

    public Optional<SchoolCalendar> covering(UUID schoolId, LocalDate date) {
        return SchoolCalendar.find("schoolId = ?1 and firstDay <= ?2 and lastDay >= ?2", schoolId, date)
                .firstResultOptional();
    }

    /**
     * The first date on or after {@code date} that a school calendar of the school covers:
     * {@code date} itself inside a school year, else the first day of the next one.
     */
    public Optional<LocalDate> firstCoveredOnOrAfter(UUID schoolId, LocalDate date) {
        if (covering(schoolId, date).isPresent()) {
            return Optional.of(date);
        }
        return SchoolCalendar.<SchoolCalendar>find("schoolId = ?1 and firstDay > ?2 order by firstDay", schoolId, date)
                .firstResultOptional().map(c -> c.firstDay);
    }

    /** The school's years overlapping [from, to]. */
    public List<SchoolYear> between(UUID schoolId, LocalDate from, LocalDate to) {
        return SchoolCalendar.<SchoolCalendar>list("schoolId = ?1 and firstDay <= ?2 and lastDay >= ?3", schoolId,
                to, from).stream().map(SchoolCalendar::year).toList();
    }

    public boolean isInstructional(UUID schoolId, LocalDate date) {
        return covering(schoolId, date).map(c -> c.year().isInstructional(date)).orElse(false);
    }
}
