package org.iepservices.schedule.recommendation;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.SettingMixRequest.CandidateBlock;
import org.iepservices.schedule.recommendation.SettingMixRequest.IepGoal;
import org.iepservices.schedule.recommendation.SettingMixRequest.MandateTerms;
import org.iepservices.schedule.recommendation.SettingMixRequest.ServiceProfile;
import org.iepservices.schedule.recommendation.SettingRecommendation.PushInBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.iepservices.events.ServiceSetting.PULL_OUT;
import static org.iepservices.events.ServiceSetting.PUSH_IN;

/**
 * Suggests how many of a mandate's sessions should be push-in and how many pull-out, factor by
 * factor. Deterministic: the same request always gives the same answer and the same reasons.
 *
 * <p>Each rule below adds weighted factors for one setting. What the student needs (goal type, skill
 * stage, regulation and quiet) weighs most; the classroom (teacher willingness, structure, fit of
 * the activity with the goals) can make push-in worthwhile or doubtful; and with no structured block
 * of the student's class to join, push-in is off the table ("nothing to push into"). The push-in
 * share of the weights, times the sessions, rounded, is the number of push-in sessions; an exact
 * half keeps whatever is closer to the current split (the IEP team's call stands when the evidence
 * is balanced), else leans to pull-out.
 */
public class SettingRecommender {

    static final int GOAL_TYPE_WEIGHT = 4;
    static final int SKILL_STAGE_WEIGHT = 4;
    static final int HIGH_REGULATION_WEIGHT = 4;
    static final int SOME_REGULATION_WEIGHT = 2;
    static final int QUIET_SETTING_WEIGHT = 2;
    static final int FIT_WEIGHT = 2;
    static final int NO_FIT_WEIGHT = 1;

    public SettingRecommendation recommend(SettingMixRequest request) {
        MandateTerms mandate = request.mandate();
        List<IepGoal> goals = goalsOfService(request.goals(), mandate.serviceType());

        List<Factor> factors = new ArrayList<>();
        factors.addAll(goalType(goals));
        factors.addAll(skillStage(goals));
        regulationNeeds(request.profile()).ifPresent(factors::add);
        quietSetting(request.profile()).ifPresent(factors::add);

        List<CandidateBlock> usable = usableBlocks(request.blocks(), mandate.minutesPerSession());
        List<CandidateBlock> ranked = rankBlocks(usable, goals);
        Optional<Factor> veto = nothingToPushInto(request.blocks(), mandate.minutesPerSession());
        veto.ifPresent(factors::add);
        if (!ranked.isEmpty()) {
            CandidateBlock best = ranked.get(0);
            teacherWillingness(best).ifPresent(factors::add);
            classroomStructure(best).ifPresent(factors::add);
            activityFit(usable, goals).ifPresent(factors::add);
        }

        int pushWeight = weight(factors, PUSH_IN);
        int pullWeight = weight(factors, PULL_OUT);
        int sessions = mandate.sessionsPerInterval();
        int pushIn = veto.isPresent() ? 0
                : split(pushWeight, pullWeight, sessions, mandate.currentPushInSessions());
        boolean capped = pushIn > ranked.size();
        pushIn = Math.min(pushIn, ranked.size());
        int pullOut = sessions - pushIn;

        List<PushInBlock> blocks = chooseBlocks(ranked, goals, pushIn);
        boolean changes = pushIn != mandate.currentPushInSessions();
        String summary = summary(pushIn, pullOut, pushWeight, pullWeight, factors, veto.isPresent(), capped,
                ranked.size(), changes);
        return new SettingRecommendation(sessions, mandate.minutesPerSession(), pushIn, pullOut, pushWeight,
                pullWeight, changes, List.copyOf(factors), blocks, summary);
    }

    /** Goals worked on by this service; goals naming no service count for every service. */
    static List<IepGoal> goalsOfService(List<IepGoal> goals, String serviceType) {
        if (serviceType == null) {
            return goals;
        }
        return goals.stream()
                .filter(g -> g.serviceType() == null || g.serviceType().equalsIgnoreCase(serviceType))
                .toList();
    }

    /**
     * Rule "goal type": language, pragmatics, functional vocabulary, narrative and academic language
     * are practised where they are used (push-in); early articulation drill and fluency techniques
     * need intensive practice (pull-out). The weight is shared out by the goals' count.
     */
    static List<Factor> goalType(List<IepGoal> goals) {
        List<Factor> factors = new ArrayList<>();
        for (ServiceSetting setting : ServiceSetting.values()) {
            List<IepGoal> leaning = goals.stream().filter(g -> g.area().lean() == setting).toList();
            if (!leaning.isEmpty()) {
                String why = setting == PUSH_IN ? "practised where it is used, in class"
                        : "needs intensive, explicit drill in a quiet room";
                factors.add(Factor.of("Goal type", setting, share(GOAL_TYPE_WEIGHT, leaning.size(), goals.size()),
                        labels(leaning) + ": " + why));
            }
        }
        return factors;
    }

    /**
     * Rule "skill stage": a skill being acquired is built in a controlled setting (pull-out); a skill
     * being generalized or maintained is carried over in the classroom (push-in).
     */
    static List<Factor> skillStage(List<IepGoal> goals) {
        List<Factor> factors = new ArrayList<>();
        List<IepGoal> acquiring = goals.stream().filter(g -> g.stage() == SkillStage.ACQUISITION).toList();
        List<IepGoal> carrying = goals.stream()
                .filter(g -> g.stage() == SkillStage.GENERALIZATION || g.stage() == SkillStage.MAINTENANCE).toList();
        if (!carrying.isEmpty()) {
            factors.add(Factor.of("Skill stage", PUSH_IN, share(SKILL_STAGE_WEIGHT, carrying.size(), goals.size()),
                    labels(carrying) + " in " + stages(carrying) + ": carry-over into class routines"));
        }
        if (!acquiring.isEmpty()) {
            factors.add(Factor.of("Skill stage", PULL_OUT, share(SKILL_STAGE_WEIGHT, acquiring.size(), goals.size()),
                    labels(acquiring) + " in acquisition: new skills are built in a structured, low-distraction setting"));
        }
        return factors;
    }

    /** Rule "regulation and sensory needs": a student who needs much regulation support attends better out of a busy class. */
    static Optional<Factor> regulationNeeds(ServiceProfile profile) {
        return switch (profile.regulationSupport()) {
            case HIGH -> Optional.of(Factor.of("Regulation and sensory needs", PULL_OUT, HIGH_REGULATION_WEIGHT,
                    "regulation support HIGH: a calm room lets the student regulate and attend"));
            case SOME -> Optional.of(Factor.of("Regulation and sensory needs", PULL_OUT, SOME_REGULATION_WEIGHT,
                    "regulation support SOME: classroom noise and activity cost attention"));
            case NONE -> Optional.empty();
        };
    }

    /** Rule "quiet setting": the service profile says the student needs a quiet setting to attend. */
    static Optional<Factor> quietSetting(ServiceProfile profile) {
        return profile.needsQuietSetting()
                ? Optional.of(Factor.of("Quiet setting", PULL_OUT, QUIET_SETTING_WEIGHT,
                "service profile: needs a quiet setting to attend"))
                : Optional.empty();
    }

    /** Rule "teacher willingness", judged on the block push-in would join first. */
    static Optional<Factor> teacherWillingness(CandidateBlock block) {
        return switch (block.teacherOpenness()) {
            case WELCOMES -> Optional.of(Factor.of("Teacher willingness", PUSH_IN, 2,
                    "the teacher welcomes push-in during " + block.label() + ": collaboration and carry-over"));
            case OPEN -> Optional.of(Factor.of("Teacher willingness", PUSH_IN, 1,
                    "the teacher is open to push-in during " + block.label()));
            case PREFERS_NOT -> Optional.of(Factor.of("Teacher willingness", PULL_OUT, 2,
                    "the teacher prefers no push-in during " + block.label()
                            + ": push-in without teacher buy-in rarely works"));
            case NEVER -> Optional.empty(); // such a block is never usable, see usableBlocks
        };
    }

    /** Rule "classroom structure and manageability", judged on the block push-in would join first. */
    static Optional<Factor> classroomStructure(CandidateBlock block) {
        return switch (block.structure()) {
            case HIGH -> Optional.of(Factor.of("Classroom structure", PUSH_IN, 2,
                    block.label() + " is a structured activity with a routine to embed the goals in"));
            case MODERATE -> Optional.of(Factor.of("Classroom structure", PUSH_IN, 1,
                    block.label() + " is moderately structured"));
            case LOW -> Optional.empty(); // never usable, see usableBlocks
        };
    }

    /**
     * Rule "activity fits the goals": language goals in ELA or centers, social goals in centers or
     * morning meeting, fine motor in writing. A usable block that fits speaks for push-in; usable
     * blocks none of which fit speak (a little) for pull-out.
     */
    static Optional<Factor> activityFit(List<CandidateBlock> usable, List<IepGoal> goals) {
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        for (CandidateBlock block : usable) {
            List<IepGoal> fitting = fittingGoals(block, goals);
            if (!fitting.isEmpty()) {
                return Optional.of(Factor.of("Activity fits goals", PUSH_IN, FIT_WEIGHT,
                        block.label() + " is where " + labels(fitting) + " can be worked on in context"));
            }
        }
        Set<ActivitySubject> subjects = usable.stream().map(CandidateBlock::subject)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ActivitySubject.class)));
        return Optional.of(Factor.of("Activity fits goals", PULL_OUT, NO_FIT_WEIGHT,
                "no class activity (" + subjects + ") fits the goals at their current stage"));
    }

    /**
     * Rule "nothing to push into": push-in needs a structured activity of the student's class with a
     * willing teacher, long enough for a session. Without one, push-in is performative and every
     * session goes pull-out.
     */
    static Optional<Factor> nothingToPushInto(List<CandidateBlock> blocks, int minutesPerSession) {
        if (!usableBlocks(blocks, minutesPerSession).isEmpty()) {
            return Optional.empty();
        }
        String evidence = blocks.isEmpty() ? "no class activity blocks are known for the student's class"
                : blocks.stream().map(b -> b.label() + ": " + whyUnusable(b, minutesPerSession))
                .collect(Collectors.joining("; "));
        return Optional.of(new Factor("Nothing to push into", PULL_OUT, 0, evidence, true));
    }

    static List<CandidateBlock> usableBlocks(List<CandidateBlock> blocks, int minutesPerSession) {
        return blocks.stream().filter(b -> whyUnusable(b, minutesPerSession) == null).toList();
    }

    /** Why push-in cannot join this block, or {@code null} when it can. */
    static String whyUnusable(CandidateBlock block, int minutesPerSession) {
        if (ActivitySubject.NON_INSTRUCTIONAL.contains(block.subject())) {
            return "non-instructional time";
        }
        if (block.structure() == Structure.LOW) {
            return "low structure";
        }
        if (block.teacherOpenness() == PushInOpenness.NEVER) {
            return "the teacher never takes push-in then";
        }
        if (block.minutes() < minutesPerSession) {
            return "shorter than a " + minutesPerSession + "-minute session";
        }
        return null;
    }

    /**
     * Usable blocks best first: fit with the goals counts most, then structure, then the teacher's
     * openness; ties by day, start and id so the order is stable.
     */
    static List<CandidateBlock> rankBlocks(List<CandidateBlock> usable, List<IepGoal> goals) {
        return usable.stream()
                .sorted(Comparator.comparingInt((CandidateBlock b) -> -blockScore(b, goals))
                        .thenComparing(CandidateBlock::day)
                        .thenComparing(CandidateBlock::start)
                        .thenComparing(b -> String.valueOf(b.blockId())))
                .toList();
    }

    static int blockScore(CandidateBlock block, List<IepGoal> goals) {
        int structure = switch (block.structure()) {
            case HIGH -> 2;
            case MODERATE -> 1;
            case LOW -> 0;
        };
        int openness = switch (block.teacherOpenness()) {
            case WELCOMES -> 2;
            case OPEN -> 1;
            case PREFERS_NOT, NEVER -> 0;
        };
        return 3 * fittingGoals(block, goals).size() + structure + openness;
    }

    /** One block per push-in session, best first, on different days where the ranking allows. */
    static List<PushInBlock> chooseBlocks(List<CandidateBlock> ranked, List<IepGoal> goals, int pushIn) {
        List<CandidateBlock> chosen = new ArrayList<>();
        Set<java.time.DayOfWeek> days = new HashSet<>();
        for (CandidateBlock block : ranked) {
            if (chosen.size() < pushIn && days.add(block.day())) {
                chosen.add(block);
            }
        }
        for (CandidateBlock block : ranked) {
            if (chosen.size() < pushIn && !chosen.contains(block)) {
                chosen.add(block);
            }
        }
        chosen.sort(Comparator.comparing(CandidateBlock::day).thenComparing(CandidateBlock::start));
        List<PushInBlock> result = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            CandidateBlock b = chosen.get(i);
            List<IepGoal> fitting = fittingGoals(b, goals);
            String why = (fitting.isEmpty() ? "no goal-specific fit" : "fits " + labels(fitting))
                    + "; structure " + b.structure() + "; teacher " + b.teacherOpenness();
            result.add(new PushInBlock(i + 1, b.blockId(), b.day(), b.start(), b.end(), b.subject(),
                    blockScore(b, goals), why));
        }
        return result;
    }

    static List<IepGoal> fittingGoals(CandidateBlock block, List<IepGoal> goals) {
        return goals.stream().filter(g -> g.area().fittingSubjects(g.stage()).contains(block.subject())).toList();
    }

    /**
     * Push-in sessions: the push-in share of the weights times the sessions, rounded to the nearest;
     * an exact half goes to whichever neighbour is closer to the current split, else to pull-out.
     * No weight at all keeps the current split.
     */
    static int split(int pushWeight, int pullWeight, int sessions, int currentPushIn) {
        int total = pushWeight + pullWeight;
        if (total == 0) {
            return currentPushIn;
        }
        long numerator = (long) pushWeight * sessions;
        int down = (int) (numerator / total);
        long remainder2 = 2 * (numerator % total);
        if (remainder2 > total) {
            return down + 1;
        }
        if (remainder2 < total) {
            return down;
        }
        int up = down + 1;
        return Math.abs(up - currentPushIn) < Math.abs(down - currentPushIn) ? up : down;
    }

    private static int weight(List<Factor> factors, ServiceSetting setting) {
        return factors.stream().filter(f -> f.direction() == setting).mapToInt(Factor::weight).sum();
    }

    private static int share(int weight, int count, int of) {
        return Math.max(1, Math.round((float) weight * count / of));
    }

    private static String labels(List<IepGoal> goals) {
        return goals.stream().map(IepGoal::label).collect(Collectors.joining(", "));
    }

    private static String stages(List<IepGoal> goals) {
        return goals.stream().map(g -> g.stage().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining("/"));
    }

    private static String summary(int pushIn, int pullOut, int pushWeight, int pullWeight, List<Factor> factors,
                                  boolean vetoed, boolean capped, int usableBlocks, boolean changes) {
        StringBuilder s = new StringBuilder();
        s.append(pushIn).append(" push-in + ").append(pullOut).append(" pull-out");
        s.append(" (weights push-in ").append(pushWeight).append(" vs pull-out ").append(pullWeight).append(")");
        if (vetoed) {
            s.append("; no structured block of the class to push into, so every session is pull-out");
        } else if (capped) {
            s.append("; push-in limited to the ").append(usableBlocks).append(" usable class block(s)");
        } else if (pushWeight + pullWeight == 0) {
            s.append("; nothing speaks for either setting, the current split stands");
        }
        factors.stream().filter(f -> f.weight() > 0)
                .max(Comparator.comparingInt(Factor::weight))
                .ifPresent(f -> s.append("; strongest factor: ").append(f.name()).append(" (")
                        .append(f.direction()).append(", ").append(f.weight()).append(")"));
        s.append(changes ? "; differs from the current split" : "; same as the current split");
        return s.toString();
    }
}
