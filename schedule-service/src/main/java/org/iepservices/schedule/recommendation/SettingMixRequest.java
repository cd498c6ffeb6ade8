package org.iepservices.schedule.recommendation;

import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the push-in / pull-out recommendation looks at for one student's mandate: plain data,
 * so it can be built from events, the database or a request body alike.
 *
 * @param mandate the mandate and how it is split today
 * @param goals   the IEP goals the service works on (goals of other services are ignored)
 * @param profile the student's regulation and sensory needs
 * @param blocks  the activity blocks of the student's class that a push-in session could join
 */
public record SettingMixRequest(MandateTerms mandate, List<IepGoal> goals, ServiceProfile profile,
                                List<CandidateBlock> blocks) {

    public SettingMixRequest {
        Objects.requireNonNull(mandate, "mandate");
        goals = goals == null ? List.of() : List.copyOf(goals);
        profile = profile == null ? ServiceProfile.NONE : profile;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /**
     * "Speech 2 x 30 min per week, 1 pull-out + 1 push-in": serviceType SPEECH, sessionsPerInterval 2,
     * minutesPerSession 30, interval WEEK, currentPushInSessions 1, currentPullOutSessions 1.
     */
    public record MandateTerms(String serviceType, int sessionsPerInterval, int minutesPerSession, String interval,
                               int currentPushInSessions, int currentPullOutSessions) {
        public MandateTerms {
            if (sessionsPerInterval < 1) {
                throw new IllegalArgumentException("sessionsPerInterval must be at least 1");
            }
            if (minutesPerSession < 1) {
                throw new IllegalArgumentException("minutesPerSession must be at least 1");
            }
            if (currentPushInSessions < 0 || currentPullOutSessions < 0
                    || currentPushInSessions + currentPullOutSessions != sessionsPerInterval) {
                throw new IllegalArgumentException("the current split must add up to sessionsPerInterval");
            }
        }
    }

    /** One IEP goal: its area (ARTICULATION, PRAGMATICS, FINE_MOTOR...) and skill stage. */
    public record IepGoal(GoalArea area, SkillStage stage, String description, String serviceType) {
        public IepGoal {
            area = area == null ? GoalArea.OTHER : area;
        }

        public IepGoal(GoalArea area, SkillStage stage, String description) {
            this(area, stage, description, null);
        }

        String label() {
            return description == null || description.isBlank() ? area.name() : area + " (" + description + ")";
        }
    }

    /** The student's service profile: regulation support and whether they need a quiet setting to attend. */
    public record ServiceProfile(RegulationSupport regulationSupport, boolean needsQuietSetting) {
        public static final ServiceProfile NONE = new ServiceProfile(RegulationSupport.NONE, false);

        public ServiceProfile {
            regulationSupport = regulationSupport == null ? RegulationSupport.NONE : regulationSupport;
        }
    }

    /** One weekly activity block of the student's class. */
    public record CandidateBlock(UUID blockId, DayOfWeek day, LocalTime start, LocalTime end, ActivitySubject subject,
                                 boolean core, Structure structure, PushInOpenness teacherOpenness) {
        public CandidateBlock {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            subject = subject == null ? ActivitySubject.OTHER : subject;
            structure = structure == null ? Structure.MODERATE : structure;
            teacherOpenness = teacherOpenness == null ? PushInOpenness.OPEN : teacherOpenness;
        }

        public int minutes() {
            return (int) Duration.between(start, end).toMinutes();
        }

        String label() {
            return subject + " " + day.toString().substring(0, 3) + " " + start + "-" + end;
        }
    }
}
