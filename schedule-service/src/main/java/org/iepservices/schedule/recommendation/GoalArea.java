package org.iepservices.schedule.recommendation;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.iepservices.events.ActivitySubject.*;

/**
 * What an IEP goal works on, with the setting its kind of practice leans to and the class
 * activities where it can be worked on in context.
 *
 * <p>Leans (domain brief, seeds): language, social/pragmatics, functional vocabulary, narrative and
 * academic language are practised where they are used (push-in); early articulation drill and
 * fluency techniques need intensive, quiet practice (pull-out). Motor and regulation goals have no
 * lean of their own: their skill stage and the classroom decide.
 */
public enum GoalArea {
    ARTICULATION(ServiceSetting.PULL_OUT, EnumSet.of(ELA_READING)),
    FLUENCY(ServiceSetting.PULL_OUT, EnumSet.of(ELA_READING, MORNING_MEETING)),
    VOICE(ServiceSetting.PULL_OUT, EnumSet.noneOf(ActivitySubject.class)),
    EXPRESSIVE_LANGUAGE(ServiceSetting.PUSH_IN, EnumSet.of(ELA_READING, CENTERS)),
    RECEPTIVE_LANGUAGE(ServiceSetting.PUSH_IN, EnumSet.of(ELA_READING, CENTERS)),
    VOCABULARY(ServiceSetting.PUSH_IN, EnumSet.of(ELA_READING, CENTERS, SCIENCE, SOCIAL_STUDIES)),
    NARRATIVE(ServiceSetting.PUSH_IN, EnumSet.of(ELA_READING, CENTERS)),
    ACADEMIC_LANGUAGE(ServiceSetting.PUSH_IN, EnumSet.of(ELA_READING, SCIENCE, SOCIAL_STUDIES, MATH)),
    PRAGMATICS(ServiceSetting.PUSH_IN, EnumSet.of(CENTERS, MORNING_MEETING)),
    FINE_MOTOR(null, EnumSet.of(WRITING)),
    VISUAL_MOTOR(null, EnumSet.of(WRITING, MATH)),
    GROSS_MOTOR(null, EnumSet.noneOf(ActivitySubject.class)),
    SENSORY_REGULATION(null, EnumSet.noneOf(ActivitySubject.class)),
    OTHER(null, EnumSet.noneOf(ActivitySubject.class));

    /** Names IEP writers use for the same area. */
    private static final Map<String, GoalArea> ALIASES = Map.ofEntries(
            Map.entry("SPEECH_SOUND", ARTICULATION),
            Map.entry("SPEECH_SOUNDS", ARTICULATION),
            Map.entry("PHONOLOGY", ARTICULATION),
            Map.entry("STUTTERING", FLUENCY),
            Map.entry("LANGUAGE", EXPRESSIVE_LANGUAGE),
            Map.entry("FUNCTIONAL_VOCABULARY", VOCABULARY),
            Map.entry("SOCIAL", PRAGMATICS),
            Map.entry("SOCIAL_COMMUNICATION", PRAGMATICS),
            Map.entry("SOCIAL_PRAGMATIC", PRAGMATICS),
            Map.entry("SOCIAL_SKILLS", PRAGMATICS),
            Map.entry("HANDWRITING", FINE_MOTOR),
            Map.entry("GRAPHOMOTOR", FINE_MOTOR),
            Map.entry("VISUAL_PERCEPTUAL", VISUAL_MOTOR),
            Map.entry("SENSORY", SENSORY_REGULATION),
            Map.entry("SENSORY_PROCESSING", SENSORY_REGULATION),
            Map.entry("SELF_REGULATION", SENSORY_REGULATION));

    private final ServiceSetting lean;
    private final Set<ActivitySubject> fittingSubjects;

    GoalArea(ServiceSetting lean, Set<ActivitySubject> fittingSubjects) {
        this.lean = lean;
        this.fittingSubjects = fittingSubjects;
    }

    /** The setting this kind of practice leans to, or {@code null} when the area itself has no lean. */
    public ServiceSetting lean() {
        return lean;
    }

    /** Class activities where this goal can be worked on in context. */
    public Set<ActivitySubject> fittingSubjects() {
        return fittingSubjects;
    }

    /**
     * Class activities where this goal can be worked on at this stage. Drill-type goals (articulation,
     * fluency) only carry over into oral reading or speaking once past acquisition: during
     * acquisition no class activity fits them.
     */
    public Set<ActivitySubject> fittingSubjects(SkillStage stage) {
        if (lean == ServiceSetting.PULL_OUT && stage == SkillStage.ACQUISITION) {
            return Set.of();
        }
        return fittingSubjects;
    }

    public boolean fits(ActivitySubject subject) {
        return fittingSubjects.contains(subject);
    }

    /** Lenient read of an IEP goal's {@code area} text ("Expressive language", "social-pragmatic"); unknown gives OTHER. */
    public static GoalArea parse(String text) {
        if (text == null || text.isBlank()) {
            return OTHER;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        for (GoalArea area : values()) {
            if (area.name().equals(key)) {
                return area;
            }
        }
        return ALIASES.getOrDefault(key, OTHER);
    }
}
