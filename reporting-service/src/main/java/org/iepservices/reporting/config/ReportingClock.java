package org.iepservices.reporting.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * "Today" for compliance, in the district's time zone: a period is closed once its last day has
 * passed there. {@code compliance.today} pins the date (tests, demos, reproducing a report);
 * unset, the system clock decides.
 */
@ApplicationScoped
public class ReportingClock {

    private final ZoneId zone;
    private final DayOfWeek weekStart;
    private final Clock clock;
    private final LocalDate fixedToday;

    ReportingClock(@ConfigProperty(name = "district.time-zone") ZoneId zone,
                   @ConfigProperty(name = "compliance.week-start", defaultValue = "MONDAY") DayOfWeek weekStart,
                   @ConfigProperty(name = "compliance.today") Optional<LocalDate> fixedToday) {
        this.zone = zone;
        this.weekStart = weekStart;
        this.clock = Clock.system(zone);
        this.fixedToday = fixedToday.orElse(null);
    }

    public LocalDate today() {
        return fixedToday != null ? fixedToday : LocalDate.now(clock);
    }

    public ZoneId zone() {
        return zone;
    }

    public DayOfWeek weekStart() {
        return weekStart;
    }

    /** The instant a period ending on {@code lastDay} closes: the start of the next day, district time. */
    public Instant closeOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
