package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.Topics;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.projection.BatchingConsumer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a completed session says beyond its minutes (session.events): the goal data taken, the
 * push-in context with the teacher debrief, the provider's progress note. The credit itself (date,
 * setting, minutes after addenda, makeups) and the misses are the compliance session consumer's
 * (delivered_session, makeup_repayment, missed_session): the views join them, so a session's goal
 * data counts once both consumers have seen it, and stops counting when an addendum credits it
 * with 0 minutes. Goal data is stored whether or not the IEP naming the goal has arrived.
 */
@ApplicationScoped
public class ProgressSessionConsumer extends BatchingConsumer {

    public ProgressSessionConsumer() {
        super("reporting.progress.sessions", ProgressProjection.NAME, Topics.SESSION);
    }

    @Incoming("progress-session-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (SessionCompleted.TYPE.name().equals(event.type())) {
            completed(event.dataAs(SessionCompleted.TYPE, mapper));
        }
        // addenda, misses and resolutions change credit only: delivered_session and missed_session
    }

    /** SessionCompleted states the whole log for the student: a redelivery under a new id rewrites the same row. */
    private void completed(SessionCompleted s) {
        if (s.sessionLogId() == null || s.studentId() == null) {
            throw new IllegalArgumentException("SessionCompleted lacks a log or student");
        }
        SessionCompleted.PushInContext pushIn = s.pushIn();
        sql.update("""
                insert into progress_session (session_log_id, student_id, service_type, format, start_time, end_time,
                    attendance, progress_note, class_id, teacher_id, activity_subject, co_teaching_model,
                    classroom_structure, teacher_debrief_note, non_instructional)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_log_id, student_id) do update set service_type = excluded.service_type,
                    format = excluded.format, start_time = excluded.start_time, end_time = excluded.end_time,
                    attendance = excluded.attendance, progress_note = excluded.progress_note,
                    class_id = excluded.class_id, teacher_id = excluded.teacher_id,
                    activity_subject = excluded.activity_subject, co_teaching_model = excluded.co_teaching_model,
                    classroom_structure = excluded.classroom_structure,
                    teacher_debrief_note = excluded.teacher_debrief_note,
                    non_instructional = excluded.non_instructional""",
                s.sessionLogId(), s.studentId(), s.serviceType(), s.format(), s.startTime(), s.endTime(),
                s.attendance(), s.progressNote(),
                pushIn == null ? null : pushIn.classId(), pushIn == null ? null : pushIn.teacherId(),
                pushIn == null ? null : pushIn.activitySubject(), pushIn == null ? null : pushIn.coTeachingModel(),
                pushIn == null ? null : pushIn.classroomStructure(),
                pushIn == null ? null : pushIn.teacherDebriefNote(),
                pushIn == null ? null : pushIn.nonInstructionalBlock());

        sql.update("delete from progress_goal_point where session_log_id = ? and student_id = ?", s.sessionLogId(),
                s.studentId());
        List<Object[]> rows = new ArrayList<>();
        List<SessionCompleted.GoalData> goalData = s.goalData();
        for (int i = 0; i < goalData.size(); i++) {
            SessionCompleted.GoalData g = goalData.get(i);
            rows.add(new Object[]{s.sessionLogId(), s.studentId(), i, g.goalId(), g.measure(), g.correct(), g.total(),
                    g.percent(), g.count(), g.intervalsObserved(), g.intervalsWithBehavior(), g.cueLevel(),
                    g.probeResult(), g.note(), g.durationSeconds(), g.rubricScore()});
        }
        sql.batch("""
                insert into progress_goal_point (session_log_id, student_id, position, goal_id, measure, correct, total,
                    percent, count, intervals_observed, intervals_with_behavior, cue_level, probe_result, note,
                    duration_seconds, rubric_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
}
