package org.iepservices.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Goal data taken for one student on one IEP goal in one session. */
@Entity
@Table(name = "goal_observation")
public class GoalObservation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_log_id")
    public UUID sessionLogId;

    @Column(name = "student_id")
    public UUID studentId;

    /** Order as entered. */
    public int position;

    @Column(name = "goal_id")
    public UUID goalId;

    @Enumerated(EnumType.STRING)
    public GoalMeasure measure;

    public Integer correct;

    public Integer total;

    /** Computed: correct/total or intervals with behaviour / observed, in percent. */
    public BigDecimal percent;

    public Integer count;

    @Column(name = "intervals_observed")
    public Integer intervalsObserved;

    @Column(name = "intervals_with_behavior")
    public Integer intervalsWithBehavior;

    @Enumerated(EnumType.STRING)
    @Column(name = "cue_level")
    public CueLevel cueLevel;

    @Column(name = "probe_result")
    public String probeResult;

    public String note;

    /** DURATION data: how long it lasted, in seconds. */
    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    /** RUBRIC data: the score on the goal's scale. */
    @Column(name = "rubric_score")
    public Integer rubricScore;

    public static GoalObservation of(UUID sessionLogId, UUID studentId, int position, GoalDataEntry entry) {
        GoalObservation o = new GoalObservation();
        o.id = UUID.randomUUID();
        o.sessionLogId = sessionLogId;
        o.studentId = studentId;
        o.position = position;
        o.goalId = entry.goalId();
        o.measure = entry.measure();
        o.correct = entry.correct();
        o.total = entry.total();
        o.percent = GoalDataRules.percent(entry);
        o.count = entry.count();
        o.intervalsObserved = entry.intervalsObserved();
        o.intervalsWithBehavior = entry.intervalsWithBehavior();
        o.cueLevel = entry.cueLevel();
        o.probeResult = entry.probeResult();
        o.note = entry.note();
        o.durationSeconds = entry.durationSeconds();
        o.rubricScore = entry.rubricScore();
        return o;
    }

    public GoalDataEntry entry() {
        return new GoalDataEntry(goalId, measure, correct, total, count, intervalsObserved, intervalsWithBehavior,
                cueLevel, probeResult, note, durationSeconds, rubricScore);
    }

    public static List<GoalObservation> of(UUID sessionLogId) {
        return list("sessionLogId = ?1 order by studentId, position", sessionLogId);
    }
}
