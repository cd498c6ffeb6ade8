package org.iepservices.schedule.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.iepservices.schedule.domain.conflict.Severity;

import java.time.DayOfWeek;

/** District scheduling policy and defaults (keys under {@code schedule.}). */
@ConfigMapping(prefix = "schedule")
public interface ScheduleConfig {

    Policy policy();

    Travel travel();

    /** First day of a week for week views and weekly coverage. */
    @WithName("week-start")
    @WithDefault("MONDAY")
    DayOfWeek weekStart();

    interface Policy {
        /** HARD: a pull-out during core instruction is refused unless overridden; SOFT: a warning. */
        @WithName("pull-out-during-core")
        @WithDefault("HARD")
        Severity pullOutDuringCore();
    }

    interface Travel {
        /** Minutes assumed between two schools nobody entered a travel time for. */
        @WithName("default-minutes")
        @WithDefault("15")
        int defaultMinutes();
    }
}
