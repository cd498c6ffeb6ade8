package org.iepservices.schedule.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An instructional day on a shorter bell schedule than the school's default: students leave at
 * {@code dismissal} and get {@code instructionalMinutes} of instruction that day.
 */
public record EarlyRelease(LocalDate date, UUID bellScheduleId, String scheduleName, LocalTime dismissal,
                           int instructionalMinutes) {

    public static int instructionalMinutes(List<BellPeriod> periods) {
        return periods.stream().filter(BellPeriod::instructional).mapToInt(BellPeriod::minutes).sum();
    }

    /** When the last period ends. */
    public static LocalTime dismissal(List<BellPeriod> periods) {
        return periods.stream().map(BellPeriod::endTime).max(Comparator.naturalOrder()).orElse(LocalTime.MIDNIGHT);
    }

    /**
     * The early-release days of a year: dates assigned another schedule that are instructional and
     * shorter than the default day (fewer instructional minutes, or an earlier dismissal). A testing
     * day of the same length is not one. Without a default schedule every assigned day counts.
     */
    public static List<EarlyRelease> of(SchoolYear year, Optional<BellSchedule> defaultSchedule,
                                        Map<LocalDate, BellSchedule> assigned) {
        List<EarlyRelease> days = new ArrayList<>();
        Integer regularMinutes = defaultSchedule.map(d -> instructionalMinutes(d.periods)).orElse(null);
        LocalTime regularDismissal = defaultSchedule.map(d -> dismissal(d.periods)).orElse(null);
        assigned.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            BellSchedule s = e.getValue();
            int minutes = instructionalMinutes(s.periods);
            LocalTime dismissal = dismissal(s.periods);
            boolean shorter = regularMinutes == null || minutes < regularMinutes
                    || dismissal.isBefore(regularDismissal);
            if (shorter && year.isInstructional(e.getKey())) {
                days.add(new EarlyRelease(e.getKey(), s.id, s.name, dismissal, minutes));
            }
        });
        return days;
    }
}
