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
 * Writes the family summary from structured facts only, in the language of its {@link FamilyWords}.
 * The wording rules:
 * <ul>
 *   <li>every sentence states a number, date or text found in the facts, and lists them as basis;</li>
 *   <li>missing data is said to be missing (no name, no sessions, no data on a goal, no target,
 *       too few points for a trend, no notes), never filled in;</li>
 *   <li>a goal without data in the period gets exactly one sentence saying so: no scores, no trend,
 *       no status;</li>
 *   <li>"going up" and "going down" describe the numbers; whether that is progress follows the goal's
 *       direction: for a goal to reduce something (DECREASE) the summary says lower numbers are better
 *       and whether the change is progress, and its target reads "or less";</li>
 *   <li>the provider's progress notes are quoted exactly as written (in the language written); the
 *       anecdotal notes on goal data are clinical and are not part of the summary.</li>
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
     * {@code evaluation} is the trend and status from all points up to the period's end (with the
     * goal's direction and measure details in its {@link GoalSpec}).
     */
    public record GoalFact(UUID goalId, UUID iepId, String description, String area, String targetText,
                           Integer targetPercent, LocalDate iepEndDate, List<GoalDataPoint> pointsInPeriod,
                           GoalEvaluation evaluation) {
    }

    public record Facts(UUID studentId, String studentName, LocalDate from, LocalDate to,
                        List<SessionFact> sessions, List<MissFact> misses, List<GoalFact> goals) {
    }

    private final ProgressRules rules;
    private final FamilyWords words;

    /** A writer in English. */
    public ParentSummaryWriter(ProgressRules rules) {
        this(rules, FamilyWords.ENGLISH);
    }

    public ParentSummaryWriter(ProgressRules rules, FamilyWords words) {
        this.rules = rules;
        this.words = words;
    }

    public ParentSummary write(Facts facts) {
        boolean named = facts.studentName() != null;
        String who = named ? facts.studentName() : words.text("student");
        String whoMid = named ? facts.studentName() : words.text("student.mid");
        return new ParentSummary(facts.studentId(), facts.studentName(), facts.from(), facts.to(),
                overview(facts, who, whoMid), facts.goals().stream().map(g -> goal(g, whoMid)).toList(), notes(facts),
                words.languageTag());
    }

    private List<ParentSummary.Sentence> overview(Facts facts, String who, String whoMid) {
        List<ParentSummary.Sentence> out = new ArrayList<>();
        String period = words.text("period", words.date(facts.from()), words.date(facts.to()));
        out.add(sentence(words.text("overview.covers", period), List.of()));
        if (facts.studentName() == null) {
            out.add(sentence(words.text("overview.noName"), List.of("student:" + facts.studentId())));
        }
        List<SessionFact> sessions = facts.sessions().stream()
                .sorted(Comparator.comparing(SessionFact::date)).toList();
        if (sessions.isEmpty()) {
            out.add(sentence(words.text("overview.noSessions", whoMid, period), List.of()));
        } else {
            int pushIn = minutes(sessions, ServiceSetting.PUSH_IN);
            int pullOut = minutes(sessions, ServiceSetting.PULL_OUT);
            int total = sessions.stream().mapToInt(SessionFact::minutes).sum();
            out.add(sentence(words.text("overview.attended", who, words.count(sessions.size(), "session"),
                    words.count(total, "minute"), words.number(pushIn), words.number(pullOut)), sessionBasis(sessions)));
            Map<String, List<SessionFact>> byService = sessions.stream().collect(Collectors.groupingBy(
                    s -> s.serviceType() == null ? "" : s.serviceType(), LinkedHashMap::new, Collectors.toList()));
            if (byService.size() > 1) {
                byService.forEach((service, list) -> out.add(sentence(words.text("overview.byService",
                                capitalise(words.service(service.isEmpty() ? null : service)),
                                words.count(list.size(), "session"),
                                words.count(list.stream().mapToInt(SessionFact::minutes).sum(), "minute")),
                        sessionBasis(list))));
            }
            int makeup = sessions.stream().mapToInt(SessionFact::makeupMinutes).sum();
            if (makeup > 0) {
                out.add(sentence(words.text("overview.makeup", words.count(makeup, "minute")),
                        sessionBasis(sessions.stream().filter(s -> s.makeupMinutes() > 0).toList())));
            }
        }
        List<MissFact> misses = facts.misses().stream().sorted(Comparator.comparing(MissFact::date)).toList();
        if (!misses.isEmpty()) {
            out.add(sentence(words.text("overview.missedCount", misses.size(),
                    words.count(misses.size(), "scheduledSession")), missBasis(misses)));
            for (MissFact m : misses) {
                out.add(sentence(words.text("overview.missed", words.date(m.date()), words.number(m.minutes()),
                        words.setting(m.setting()), words.missReason(m.reason())), List.of("miss:" + m.missId())));
            }
            List<MissFact> owedMisses = misses.stream().filter(m -> "OWED".equals(m.owed())).toList();
            int owed = owedMisses.stream().mapToInt(MissFact::minutes).sum();
            if (owed > 0) {
                out.add(sentence(words.text("overview.owed", owed, words.number(owed), whoMid),
                        missBasis(owedMisses)));
            }
            List<MissFact> inReview = misses.stream().filter(m -> "REVIEW".equals(m.owed())).toList();
            if (!inReview.isEmpty()) {
                int minutes = inReview.stream().mapToInt(MissFact::minutes).sum();
                out.add(sentence(words.text("overview.review", minutes, words.number(minutes)), missBasis(inReview)));
            }
        }
        return out;
    }

    private ParentSummary.GoalSection goal(GoalFact goal, String whoMid) {
        String heading = goal.description() != null ? goal.description() : words.text("goal.unknownHeading");
        List<ParentSummary.Sentence> out = new ArrayList<>();
        String goalRef = "goal:" + goal.goalId();
        List<GoalDataPoint> points = goal.pointsInPeriod().stream()
                .sorted(Comparator.comparing(GoalDataPoint::date)).toList();
        if (points.isEmpty()) {
            out.add(sentence(words.text("goal.noData"), List.of(goalRef)));
            return new ParentSummary.GoalSection(goal.goalId(), heading, goal.area(), words.area(goal.area()), false,
                    0, out);
        }
        List<String> pointRefs = points.stream().map(p -> "point:" + p.sessionLogId() + "/" + p.goalId()).toList();
        long sessions = points.stream().map(GoalDataPoint::sessionLogId).distinct().count();
        long inClass = points.stream().filter(p -> p.setting() == ServiceSetting.PUSH_IN)
                .map(GoalDataPoint::sessionLogId).distinct().count();
        long inRoom = points.stream().filter(p -> p.setting() == ServiceSetting.PULL_OUT)
                .map(GoalDataPoint::sessionLogId).distinct().count();
        out.add(sentence(words.text("goal.workedOn", words.count(sessions, "session"), words.number(inClass),
                words.number(inRoom)), pointRefs));

        GoalEvaluation evaluation = goal.evaluation();
        GoalMetric metric = evaluation.metric();
        GoalSpec spec = evaluation.spec();
        List<GoalDataPoint> valued = points.stream().filter(p -> p.valueIn(metric) != null).toList();
        if (valued.isEmpty()) {
            out.add(sentence(words.text("goal.noScores"), pointRefs));
        } else {
            GoalDataPoint last = valued.get(valued.size() - 1);
            String lastValue = words.value(last.valueIn(metric), metric, spec);
            if (last.correct() != null && last.total() != null) {
                lastValue = words.text("value.trials", lastValue, words.number(last.correct()),
                        words.number(last.total()));
            }
            List<String> valuedRefs = valued.stream().map(p -> "point:" + p.sessionLogId() + "/" + p.goalId())
                    .toList();
            if (valued.size() == 1) {
                out.add(sentence(words.text("goal.one." + metric.name(), words.date(last.date()), lastValue),
                        valuedRefs));
            } else {
                double min = valued.stream().mapToDouble(p -> p.valueIn(metric)).min().orElseThrow();
                double max = valued.stream().mapToDouble(p -> p.valueIn(metric)).max().orElseThrow();
                out.add(sentence(words.text("goal.range." + metric.name(), words.value(min, metric, spec),
                        words.value(max, metric, spec), words.date(last.date()), lastValue), valuedRefs));
            }
        }
        GoalDataPoint latest = points.get(points.size() - 1);
        String cue = words.cue(latest.cueLevel());
        if (cue != null) {
            out.add(sentence(words.text("goal.cue", words.date(latest.date()), whoMid, cue),
                    List.of("point:" + latest.sessionLogId() + "/" + latest.goalId())));
        }
        out.addAll(trendSentences(evaluation, goalRef));
        out.addAll(targetSentences(goal, evaluation, goalRef));
        return new ParentSummary.GoalSection(goal.goalId(), heading, goal.area(), words.area(goal.area()), true,
                points.size(), out);
    }

    private List<ParentSummary.Sentence> trendSentences(GoalEvaluation evaluation, String goalRef) {
        Trend trend = evaluation.trend();
        GoalMetric metric = evaluation.metric();
        if (!trend.fitted()) {
            return List.of(sentence(words.text("trend.notEnough", words.number(evaluation.measurements().size()),
                    words.number(Math.max(2, rules.minPoints()))), List.of(goalRef)));
        }
        String over = words.count(trend.pointsUsed(), "dataPoint");
        String from = words.date(trend.from());
        String to = words.date(trend.to());
        String text = switch (trend.direction()) {
            case IMPROVING, DECLINING -> words.text(trend.slopePerWeek() > 0 ? "trend.up" : "trend.down", over, from,
                    to, words.rate(Math.abs(trend.slopePerWeek()), metric));
            case FLAT -> words.text("trend.flat", over, from, to, words.rate(trend.flatThresholdPerWeek(), metric));
            case INSUFFICIENT_DATA -> throw new IllegalStateException("a fitted trend has a direction");
        };
        List<ParentSummary.Sentence> out = new ArrayList<>();
        out.add(sentence(text, List.of(goalRef)));
        if (evaluation.direction() == GoalDirection.DECREASE) {
            // Falling numbers read as "declining" to anyone who assumes higher is better: say which way is better.
            out.add(sentence(words.text("trend.lowerIsBetter." + switch (trend.direction()) {
                case IMPROVING -> "improving";
                case DECLINING -> "declining";
                default -> "flat";
            }), List.of(goalRef)));
        }
        return out;
    }

    private List<ParentSummary.Sentence> targetSentences(GoalFact goal, GoalEvaluation evaluation, String goalRef) {
        List<ParentSummary.Sentence> out = new ArrayList<>();
        List<String> basis = goal.iepId() == null ? List.of(goalRef) : List.of(goalRef, "iep:" + goal.iepId());
        StatusVerdict status = evaluation.status();
        GoalMetric metric = evaluation.metric();
        GoalSpec spec = evaluation.spec();
        boolean lower = evaluation.direction() == GoalDirection.DECREASE;
        if (status.target() != null) {
            out.add(sentence(words.text(lower ? "target.isAtMost" : "target.is",
                    words.value(status.target(), metric, spec)), basis));
        } else if (goal.targetText() != null && !goal.targetText().isBlank()) {
            out.add(sentence(words.text("target.text", goal.targetText()), basis));
        }
        switch (status.status()) {
            case MET -> out.add(sentence(words.text(lower ? "target.met.atOrBelow" : "target.met.atOrAbove",
                    status.lastMeetingTarget(), words.number(status.lastMeetingTarget())), basis));
            case ON_TRACK, NOT_ON_TRACK -> out.add(sentence(words.text(
                    status.status() == GoalStatus.ON_TRACK ? "target.projection.reaches"
                            : lower ? "target.projection.above" : "target.projection.below",
                    words.value(status.projectedValue(), metric, spec), words.date(status.projectionDate()),
                    goal.iepEndDate() != null ? 1 : 0), basis));
            case NO_TARGET -> out.add(sentence(words.text("target.none"), basis));
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
                .forEach(s -> out.add(sentence(words.text("notes.wrote", words.date(s.date()),
                        words.service(s.serviceType()), words.setting(s.setting()),
                        s.providerName() == null ? words.text("notes.provider") : s.providerName(), s.progressNote()),
                        List.of("session:" + s.sessionLogId()))));
        if (out.isEmpty()) {
            out.add(sentence(words.text("notes.none"), List.of()));
        }
        return out;
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

    private String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(words.locale()) + text.substring(1);
    }

    private static ParentSummary.Sentence sentence(String text, List<String> basis) {
        return new ParentSummary.Sentence(text, basis);
    }
}
