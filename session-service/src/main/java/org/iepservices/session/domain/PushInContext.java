package org.iepservices.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.iepservices.events.ActivitySubject;

import java.util.UUID;

/** The classroom a push-in session happened in: with whom, during what, how it went. */
@Embeddable
public class PushInContext {

    @Column(name = "push_in_class_id")
    public UUID classId;

    @Column(name = "push_in_teacher_id")
    public UUID teacherId;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_in_activity_subject")
    public ActivitySubject activitySubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_in_co_teaching_model")
    public CoTeachingModel coTeachingModel;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_in_classroom_structure")
    public ClassroomStructure classroomStructure;

    @Column(name = "push_in_teacher_debrief_note")
    public String teacherDebriefNote;

    /**
     * Logged into lunch, recess, a transition, arrival or dismissal: there was no lesson to push
     * into, so the minutes are flagged for the coordinator (they still count; the log says what happened).
     */
    public boolean nonInstructionalBlock() {
        return activitySubject != null && ActivitySubject.NON_INSTRUCTIONAL.contains(activitySubject);
    }

    public boolean isEmpty() {
        return classId == null && teacherId == null && activitySubject == null && coTeachingModel == null
                && classroomStructure == null && teacherDebriefNote == null;
    }
}
