package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * A class section (OneRoster class: homeroom or scheduled) was created or changed. The subject is
 * the class id. Push-in sessions join a class; its teachers come from {@link EnrollmentChanged}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassUpserted(
        UUID classId,
        String sourcedId,
        String title,
        String classType,
        UUID schoolId,
        List<String> grades,
        List<String> subjects,
        List<String> periods,
        String status) {

    public static final EventType<ClassUpserted> TYPE =
            new EventType<>("ClassUpserted", Topics.ROSTER, 1, ClassUpserted.class);

    public ClassUpserted {
        grades = grades == null ? List.of() : List.copyOf(grades);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
