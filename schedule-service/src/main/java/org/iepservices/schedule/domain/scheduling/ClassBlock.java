package org.iepservices.schedule.domain.scheduling;

import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;

import java.time.DayOfWeek;
import java.util.UUID;

/** A class activity block as the rules read it. */
public record ClassBlock(UUID blockId, UUID classId, DayOfWeek day, TimeSpan time, ActivitySubject subject,
                         boolean core, Structure structure, PushInOpenness openness) {

    /** Nothing to push into: lunch, recess, transitions, arrival, dismissal. */
    public boolean nonInstructional() {
        return ActivitySubject.NON_INSTRUCTIONAL.contains(subject);
    }
}
