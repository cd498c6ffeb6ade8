package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.MissResolved;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionMissed;
import org.iepservices.reporting.progress.projection.ProgressGoalPoint;
import org.iepservices.reporting.progress.projection.ProgressMiss;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.progress.projection.ProgressSession;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Documented sessions from session.events: goal data, push-in context and progress notes of
 * completed sessions, addenda, misses and their resolutions. A student's goal data is stored
 * whether or not their IEP or roster record has arrived; the views join them when they do.
 */
@ApplicationScoped
public class ProgressSessionConsumer extends IdempotentConsumer {

    @Incoming("progress-session-events")
    @Blocking
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return ProgressProjection.SESSIONS.consumerName();
    }

    @Override
    protected void apply(EventEnvelope event) {
        OffsetDateTime time = EventTime.of(event);
        String type = event.type();
        if (SessionCompleted.TYPE.name().equals(type)) {
            completed(event.dataAs(SessionCompleted.TYPE, mapper));
        } else if (SessionAmended.TYPE.name().equals(type)) {
            amended(event.dataAs(SessionAmended.TYPE, mapper), time);
        } else if (SessionMissed.TYPE.name().equals(type)) {
            missed(event.dataAs(SessionMissed.TYPE, mapper));
        } else if (MissResolved.TYPE.name().equals(type)) {
            resolved(event.dataAs(MissResolved.TYPE, mapper), time);
        }
    }

    private void completed(SessionCompleted data) {
        ProgressSession row = session(data.sessionLogId(), data.studentId());
        row.completed = true;
        if (row.amendedTime == null) { // an addendum, whenever it arrived, states the newer minutes
            credit(row, data.mandateId(), data.providerId(), data.setting(), data.sessionDate(), data.minutes(),
                    data.makeupFor());
        }
        row.serviceType = data.serviceType();
        row.format = data.format();
        row.startTime = data.startTime();
        row.endTime = data.endTime();
        row.attendance = data.attendance();
        row.progressNote = data.progressNote();
        SessionCompleted.PushInContext pushIn = data.pushIn();
        row.classId = pushIn == null ? null : pushIn.classId();
        row.teacherId = pushIn == null ? null : pushIn.teacherId();
        row.activitySubject = pushIn == null ? null : pushIn.activitySubject();
        row.coTeachingModel = pushIn == null ? null : pushIn.coTeachingModel();
        row.classroomStructure = pushIn == null ? null : pushIn.classroomStructure();
        row.teacherDebriefNote = pushIn == null ? null : pushIn.teacherDebriefNote();
        row.nonInstructional = pushIn == null ? null : pushIn.nonInstructionalBlock();
        row.persist();

        ProgressGoalPoint.delete("key.sessionLogId = ?1 and key.studentId = ?2", data.sessionLogId(), data.studentId());
        List<SessionCompleted.GoalData> goalData = data.goalData();
        for (int i = 0; i < goalData.size(); i++) {
            SessionCompleted.GoalData g = goalData.get(i);
            ProgressGoalPoint point = new ProgressGoalPoint();
            point.key = new ProgressGoalPoint.Key(data.sessionLogId(), data.studentId(), i);
            point.goalId = g.goalId();
            point.measure = g.measure();
            point.correct = g.correct();
            point.total = g.total();
            point.percent = g.percent();
            point.count = g.count();
            point.intervalsObserved = g.intervalsObserved();
            point.intervalsWithBehavior = g.intervalsWithBehavior();
            point.cueLevel = g.cueLevel();
            point.probeResult = g.probeResult();
            point.note = g.note();
            point.persist();
        }
    }

    /** The addendum states the student's full new credit for the log; the newest addendum wins. */
    private void amended(SessionAmended data, OffsetDateTime time) {
        ProgressSession row = session(data.sessionLogId(), data.studentId());
        if (EventTime.isStale(time, row.amendedTime)) {
            return;
        }
        credit(row, data.mandateId(), data.providerId(), data.setting(), data.sessionDate(), data.minutes(),
                data.makeupFor());
        row.amendedTime = time;
        row.persist();
    }

    private static void credit(ProgressSession row, UUID mandateId, UUID providerId,
                               ServiceSetting setting, LocalDate date, int minutes,
                               List<SessionCompleted.Repayment> makeupFor) {
        row.mandateId = mandateId;
        row.providerId = providerId;
        row.setting = setting;
        row.sessionDate = date;
        row.minutes = minutes;
        row.makeupMinutes = makeupFor.stream().mapToInt(SessionCompleted.Repayment::minutes).sum();
    }

    private void missed(SessionMissed data) {
        ProgressMiss row = miss(data.missId(), data.studentId());
        row.mandateId = data.mandateId();
        row.providerId = data.providerId();
        row.setting = data.setting();
        row.sessionDate = data.sessionDate();
        row.minutes = data.minutes();
        row.reason = data.reason();
        row.owed = data.owed();
        row.persist();
    }

    private void resolved(MissResolved data, OffsetDateTime time) {
        ProgressMiss row = miss(data.missId(), data.studentId());
        if (EventTime.isStale(time, row.resolvedTime)) {
            return;
        }
        if (row.mandateId == null) {
            row.mandateId = data.mandateId();
        }
        row.resolvedOwed = data.owed();
        row.resolvedTime = time;
        row.persist();
    }

    private static ProgressSession session(UUID sessionLogId, UUID studentId) {
        ProgressSession.Key key = new ProgressSession.Key(sessionLogId, studentId);
        return ProgressSession.<ProgressSession>findByIdOptional(key).orElseGet(() -> {
            ProgressSession created = new ProgressSession();
            created.key = key;
            return created;
        });
    }

    private static ProgressMiss miss(UUID missId, UUID studentId) {
        return ProgressMiss.<ProgressMiss>findByIdOptional(missId).orElseGet(() -> {
            ProgressMiss created = new ProgressMiss();
            created.missId = missId;
            created.studentId = studentId;
            return created;
        });
    }
}
