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

    Scheduler scheduler();

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

    /** Automatic-scheduler jobs, shared by every replica through the database. */
    interface Scheduler {
        /** Jobs queued or solving at once, across replicas; one more is refused with 503 and Retry-After. */
        @WithName("max-active-jobs")
        @WithDefault("8")
        int maxActiveJobs();

        /** Seconds a client is told to wait (Retry-After) when the queue is full. */
        @WithName("retry-after-seconds")
        @WithDefault("30")
        int retryAfterSeconds();

        /** How often the owning pod refreshes its jobs' heartbeat (and picks up cancels from other pods). */
        @WithName("heartbeat")
        @WithDefault("5s")
        java.time.Duration heartbeat();

        /** A queued or solving job whose heartbeat is older than this is FAILED: its pod stopped. */
        @WithName("lease")
        @WithDefault("60s")
        java.time.Duration lease();

        /** Finished jobs (and what was accepted from them) are deleted this long after they finished. */
        @WithName("keep-finished")
        @WithDefault("14d")
        java.time.Duration keepFinished();
    }

    interface Travel {
        /** Minutes assumed between two schools nobody entered a travel time for. */
        @WithName("default-minutes")
        @WithDefault("15")
        int defaultMinutes();
    }
}
