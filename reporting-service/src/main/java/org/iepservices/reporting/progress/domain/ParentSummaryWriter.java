package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the family summary from structured facts only. The wording rules:
 * <ul>
 *   <li>every sentence states a number, date or text found in the facts, and lists them as basis;</li>
 *   <li>missing data is said to be missing (no name, no sessions, no data on a goal, no target,
 *       too few points for a trend, no notes), never filled in;</li>
 *   <li>a goal without data in the period gets exactly one sentence saying so: no scores, no trend,
 *       no status;</li>
 *   <li>the provider's progress notes are quoted exactly as written; the anecdotal notes on goal
 *       data are clinical and are not part of the summary.</li>
 * </ul>
 */
public final class ParentSummaryWriter {

    /** One student's session in the period (after addenda). */
    public record SessionFact(UUID sessionLogId, LocalDate date, ServiceSetting setting, int minutes,
                              int makeupMinutes, String serviceType, String providerName, String progressNote) {
    }

    /** A session the student did not get in the period, with the makeup verdict in force. */
    public record MissFact(UUID missId, LocalDate date, ServiceSetting setting, int minutes, String reason,
                           String owed) {
    }

    /**
     * A goal of the student. {@code pointsInPeriod} are the data points dated within the period;
     * {@code evaluation} is the trend and status from all points up to the period's end.
     */
    public record GoalFact(UUID goalId, UUID iepId, String description, String area, String targetText,
                           Integer targetPercent, LocalDate iepEndDate, List<GoalDataPoint> pointsInPeriod,
                           GoalEvaluation evaluation) {
    }

    public record Facts(UUID studentId, String studentName, LocalDate from, LocalDate to,
                        List<SessionFact> sessions, List<MissFact> misses, List<GoalFact> goals) {
    }

    private final ProgressRules rules;

    public ParentSummaryWriter(ProgressRules rules) {
        this.rules = rules;
    }

    public ParentSummary write(Facts facts) {
        String who = facts.studentName() == null ? "The student" : facts.studentName();
        return new ParentSummary(facts.studentId(), facts.studentName(), facts.from(), facts.to(),
                overview(facts, who), facts.goals().stream().map(g -> goal(g, who)).toList(), notes(facts));
    }

    private List<ParentSummary.Sentence> overview(Facts facts, String who) {
        List<ParentSummary.Sentence> out = new ArrayList<>();
        String period = PlainWords.date(facts.from()) + " to " + PlainWords.date(facts.to());
        out.add(sentence("This summary covers " + period + ".", List.of()));
        if (facts.studentName() == null) {
            out.add(sentence("The student's name has not reached the reporting system yet.",
                    List.of("student:" + facts.studentId())));
        }
        List<SessionFact> sessions = facts.sessions().stream()
                .sorted(Comparator.comparing(SessionFact::date)).toList();
        if (sessions.isEmpty()) {
            out.add(sentence("No sessions were recorded for " + midSentence(who) + " from " + period + ".",
                    List.of()));
        } else {
            int pushIn = minutes(sessions, ServiceSetting.PUSH_IN);
            int pullOut = minutes(sessions, ServiceSetting.PULL_OUT);
            int total = sessions.stream().mapToInt(SessionFact::minutes).sum();
            out.add(sentence(who + " attended " + PlainWords.count(sessions.size(), "session", "sessions")
                            + " for a total of " + PlainWords.count(total, "minute", "minutes") + ": "
                            + pushIn + " in the classroom (push-in) and " + pullOut
                            + " in a therapy room (pull-out).",
                    sessionBasis(sessions)));
            Map<String, List<SessionFact>> byService = sessions.stream().collect(Collectors.groupingBy(
                    s -> s.serviceType() == null ? "" : s.serviceType(), LinkedHashMap::new, Collectors.toList()));
            if (byService.size() > 1) {
                byService.forEach((service, list) -> out.add(sentence(
                        capitalise(PlainWords.service(service.isEmpty() ? null : service)) + ": "
                                + PlainWords.count(list.size(), "session", "sessions") + ", "
                                + PlainWords.count(list.stream().mapToInt(SessionFact::minutes).sum(), "minute",
                                "minutes") + ".",
                        sessionBasis(list))));
            }
            int makeup = sessions.stream().mapToInt(SessionFact::makeupMinutes).sum();
            if (makeup > 0) {
                out.add(sentence(PlainWords.count(makeup, "minute", "minutes")
                                + " of these made up for sessions missed earlier.",
                        sessionBasis(sessions.stream().filter(s -> s.makeupMinutes() > 0).toList())));
            }
        }
        List<MissFact> misses = facts.misses().stream().sorted(Comparator.comparing(MissFact::date)).toList();
        if (!misses.isEmpty()) {
            out.add(sentence(PlainWords.count(misses.size(), "scheduled session", "scheduled sessions")
                    + " did not take place.", missBasis(misses)));
            for (MissFact m : misses) {
                out.add(sentence("On " + PlainWords.date(m.date()) + " a " + m.minutes() + "-minute session "
                        + PlainWords.setting(m.setting()) + " did not take place because "
                        + PlainWords.missReason(m.reason()) + ".", List.of("miss:" + m.missId())));
            }
            int owed = misses.stream().filter(m -> "OWED".equals(m.owed())).mapToInt(MissFact::minutes).sum();
            List<MissFact> owedMisses = misses.stream().filter(m -> "OWED".equals(m.owed())).toList();
            if (owed > 0) {
                out.add(sentence("Under district policy " + PlainWords.count(owed, "minute is", "minutes are")
                        + " owed to " + midSentence(who) + " as makeup sessions.", missBasis(owedMisses)));
            }
            List<MissFact> inReview = misses.stream().filter(m -> "REVIEW".equals(m.owed())).toList();
            if (!inReview.isEmpty()) {
                out.add(sentence("Whether " + PlainWords.count(inReview.stream().mapToInt(MissFact::minutes).sum(),
                                "missed minute is", "missed minutes are")
                                + " owed is still to be decided by the IEP team.", missBasis(inReview)));
            }
        }
        return out;
    }

    private ParentSummary.GoalSection goal(GoalFact goal, String who) {
        String heading = goal.description() != null ? goal.description()
                : "A goal whose wording has not reached the reporting system yet";
        List<ParentSummary.Sentence> out = new ArrayList<>();
        String goalRef = "goal:" + goal.goalId();
        List<GoalDataPoint> points = goal.pointsInPeriod().stream()
                .sorted(Comparator.comparing(GoalDataPoint::date)).toList();
        if (points.isEmpty()) {
            out.add(sentence("No data was recorded for this goal in this period.", List.of(goalRef)));
            return new ParentSummary.GoalSection(goal.goalId(), heading, goal.area(), areaWords(goal), false, 0, out);
        }
        List<String> pointRefs = points.stream().map(p -> "point:" + p.sessionLogId() + "/" + p.goalId()).toList();
        long sessions = points.stream().map(GoalDataPoint::sessionLogId).distinct().count();
        long inClass = points.stream().filter(p -> p.setting() == ServiceSetting.PUSH_IN)
                .map(GoalDataPoint::sessionLogId).distinct().count();
        long inRoom = points.stream().filter(p -> p.setting() == ServiceSetting.PULL_OUT)
                .map(GoalDataPoint::sessionLogId).distinct().count();
        out.add(sentence("It was worked on in " + PlainWords.count(sessions, "session", "sessions") + ": "
                + inClass + " in the classroom and " + inRoom + " in a therapy room.", pointRefs));

        GoalEvaluation evaluation = goal.evaluation();
        GoalMetric metric = evaluation.metric();
        List<GoalDataPoint> valued = points.stream().filter(p -> p.valueIn(metric) != null).toList();
        if (valued.isEmpty()) {
            out.add(sentence("No scores were recorded for it in this period.", pointRefs));
        } else {
            GoalDataPoint last = valued.get(valued.size() - 1);
            String lastValue = PlainWords.value(last.valueIn(metric), metric) + trials(last);
            List<String> valuedRefs = valued.stream().map(p -> "point:" + p.sessionLogId() + "/" + p.goalId())
                    .toList();
            String noun = metric == GoalMetric.PERCENT ? "score" : "count";
            if (valued.size() == 1) {
                out.add(sentence("The one " + noun + " recorded, on " + PlainWords.date(last.date()) + ", was "
                        + lastValue + ".", valuedRefs));
            } else {
                double min = valued.stream().mapToDouble(p -> p.valueIn(metric)).min().orElseThrow();
                double max = valued.stream().mapToDouble(p -> p.valueIn(metric)).max().orElseThrow();
                out.add(sentence(capitalise(noun) + "s ranged from " + PlainWords.value(min, metric) + " to "
                        + PlainWords.value(max, metric) + "; the most recent, on " + PlainWords.date(last.date())
                        + ", was " + lastValue + ".", valuedRefs));
            }
        }
        GoalDataPoint latest = points.get(points.size() - 1);
        String cue = PlainWords.cue(latest.cueLevel());
        if (cue != null) {
            out.add(sentence("In the most recent session with data on this goal (" + PlainWords.date(latest.date())
                    + "), " + midSentence(who) + " worked on it " + cue + ".",
                    List.of("point:" + latest.sessionLogId() + "/" + latest.goalId())));
        }
        out.add(trendSentence(evaluation, goalRef));
        out.addAll(targetSentences(goal, evaluation, goalRef));
        return new ParentSummary.GoalSection(goal.goalId(), heading, goal.area(), areaWords(goal), true, points.size(),
                out);
    }

    private ParentSummary.Sentence trendSentence(GoalEvaluation evaluation, String goalRef) {
        Trend trend = evaluation.trend();
        GoalMetric metric = evaluation.metric();
        if (!trend.fitted()) {
            return sentence("There are not yet enough data points on different days to describe a trend ("
                    + evaluation.measurements().size() + " so far; at least " + Math.max(2, rules.minPoints())
                    + " are needed).", List.of(goalRef));
        }
        String over = "Over the last " + PlainWords.count(trend.pointsUsed(), "data point", "data points") + " ("
                + PlainWords.date(trend.from()) + " to " + PlainWords.date(trend.to()) + "), ";
        String rate = PlainWords.number(Math.abs(trend.slopePerWeek())) + " " + metric.unitWords() + " per week";
        String text = switch (trend.direction()) {
            case IMPROVING -> over + "results have been going up, by about " + rate + ".";
            case DECLINING -> over + "results have been going down, by about " + rate + ".";
            case FLAT -> over + "results have stayed about the same (a change of less than "
                    + PlainWords.number(trend.flatThresholdPerWeek()) + " " + metric.unitWords() + " per week).";
            case INSUFFICIENT_DATA -> throw new IllegalStateException("a fitted trend has a direction");
        };
        return sentence(text, List.of(goalRef));
    }

    private List<ParentSummary.Sentence> targetSentences(GoalFact goal, GoalEvaluation evaluation, String goalRef) {
        List<ParentSummary.Sentence> out = new ArrayList<>();
        List<String> basis = goal.iepId() == null ? List.of(goalRef) : List.of(goalRef, "iep:" + goal.iepId());
        StatusVerdict status = evaluation.status();
        GoalMetric metric = evaluation.metric();
        if (status.target() != null) {
            out.add(sentence("The IEP target is " + PlainWords.value(status.target(), metric) + ".", basis));
        } else if (goal.targetText() != null && !goal.targetText().isBlank()) {
            out.add(sentence("The IEP states the target as: \u201c" + goal.targetText() + "\u201d.", basis));
        }
        switch (status.status()) {
            case MET -> out.add(sentence("The last " + PlainWords.count(status.lastAtOrAboveTarget(), "result was",
                    "results were") + " at or above the target.", basis));
            case ON_TRACK, NOT_ON_TRACK -> out.add(sentence("If the trend continues, results would be about "
                    + PlainWords.value(status.projectedValue(), metric) + " on " + PlainWords.date(status.projectionDate())
                    + (goal.iepEndDate() != null ? " when the IEP ends" : "") + ", which "
                    + (status.status() == GoalStatus.ON_TRACK ? "reaches" : "is below") + " the target.", basis));
            case NO_TARGET -> out.add(sentence("The IEP gives no numeric target for this measure, so progress is "
                    + "described here but not scored against a target.", basis));
            case INSUFFICIENT_DATA -> {
                // the trend sentence already says there is not enough data
            }
        }
        return out;
    }

    private List<ParentSummary.Sentence> notes(Facts facts) {
        List<ParentSummary.Sentence> out = new ArrayList<>();
        facts.sessions().stream()
                .filter(s -> s.progressNote() != null && !s.progressNote().isBlank())
                .sorted(Comparator.comparing(SessionFact::date))
                .forEach(s -> out.add(sentence("On " + PlainWords.date(s.date()) + " ("
                        + PlainWords.service(s.serviceType()) + ", " + PlainWords.setting(s.setting()) + "), "
                        + (s.providerName() == null ? "the provider" : s.providerName()) + " wrote: \u201c"
                        + s.progressNote() + "\u201d", List.of("session:" + s.sessionLogId()))));
        if (out.isEmpty()) {
            out.add(sentence("No progress notes were written in this period.", List.of()));
        }
        return out;
    }

    private static String trials(GoalDataPoint p) {
        return p.correct() != null && p.total() != null ? " (" + p.correct() + " of " + p.total() + " correct)" : "";
    }

    private static String areaWords(GoalFact goal) {
        return goal.area() == null ? null : PlainWords.code(goal.area());
    }

    private static int minutes(List<SessionFact> sessions, ServiceSetting setting) {
        return sessions.stream().filter(s -> s.setting() == setting).mapToInt(SessionFact::minutes).sum();
    }

    private static List<String> sessionBasis(List<SessionFact> sessions) {
        return sessions.stream().map(s -> "session:" + s.sessionLogId()).toList();
    }

    private static List<String> missBasis(List<MissFact> misses) {
        return misses.stream().map(m -> "miss:" + m.missId()).toList();
    }

    /** The student as named mid-sentence: a name stays as is, "The student" becomes "the student". */
    private static String midSentence(String who) {
        return "The student".equals(who) ? "the student" : who;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ParentSummary.Sentence sentence(String text, List<String> basis) {
        return new ParentSummary.Sentence(text, basis);
    }
}
