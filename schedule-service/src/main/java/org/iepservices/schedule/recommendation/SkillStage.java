package org.iepservices.schedule.recommendation;

import java.util.Locale;

/** Where the student is on a goal: learning the skill, carrying it over, or keeping it. */
public enum SkillStage {
    ACQUISITION,
    GENERALIZATION,
    MAINTENANCE;

    /** Lenient read of the IEP's {@code skillStage} text; unknown or blank gives {@code null}. */
    public static SkillStage parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
