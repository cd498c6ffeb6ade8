package org.iepservices.reporting.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.iepservices.reporting.progress.domain.ProgressRules;

/** Configuration keys {@code progress.*} (application.properties documents each). */
@ConfigMapping(prefix = "progress")
public interface ProgressConfig {

    Trend trend();

    Status status();

    Teacher teacher();

    interface Trend {
        @WithDefault("6")
        int window();

        @WithName("flat-percent-per-week")
        @WithDefault("1.0")
        double flatPercentPerWeek();

        @WithName("flat-count-per-week")
        @WithDefault("0.5")
        double flatCountPerWeek();

        @WithName("flat-seconds-per-week")
        @WithDefault("2.0")
        double flatSecondsPerWeek();

        @WithName("flat-score-per-week")
        @WithDefault("0.1")
        double flatScorePerWeek();
    }

    interface Status {
        @WithName("min-points")
        @WithDefault("3")
        int minPoints();

        @WithName("met-consecutive")
        @WithDefault("3")
        int metConsecutive();
    }

    interface Teacher {
        @WithName("days-ahead")
        @WithDefault("14")
        int daysAhead();

        @WithDefault("10")
        int debriefs();
    }

    default ProgressRules rules() {
        return new ProgressRules(trend().window(), status().minPoints(), status().metConsecutive(),
                trend().flatPercentPerWeek(), trend().flatCountPerWeek(), trend().flatSecondsPerWeek(),
                trend().flatScorePerWeek());
    }
}
