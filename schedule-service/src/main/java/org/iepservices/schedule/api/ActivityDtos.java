package org.iepservices.schedule.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Request and response shapes of class activity blocks. */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    /** Subjects taken as core instruction when a request does not say. */
    static final Set<ActivitySubject> CORE_BY_DEFAULT = EnumSet.of(ActivitySubject.ELA_READING,
            ActivitySubject.WRITING, ActivitySubject.MATH);

    public record ActivityBlockRequest(
            @NotNull @Schema(example = "TUESDAY") DayOfWeek dayOfWeek,
            @NotNull @Schema(example = "09:00:00") LocalTime startTime,
            @NotNull @Schema(example = "10:00:00") LocalTime endTime,
            @NotNull @Schema(example = "ELA_READING") ActivitySubject subject,
            @Schema(description = "Core instruction (a pull-out should not take students from it); defaults to true "
                    + "for ELA_READING, WRITING and MATH") Boolean core,
            @NotNull @Schema(example = "HIGH") Structure structure,
            @NotNull @Schema(example = "OPEN") PushInOpenness pushInOpenness,
            @Size(max = 500) @Schema(example = "Guided reading groups at tables") String note) {

        public boolean isCore() {
            return core != null ? core : CORE_BY_DEFAULT.contains(subject);
        }
    }

    public record ActivityBlockResponse(UUID id, UUID classId, UUID schoolId, DayOfWeek dayOfWeek,
                                        LocalTime startTime, LocalTime endTime, int minutes,
                                        ActivitySubject subject, boolean core, Structure structure,
                                        PushInOpenness pushInOpenness, String note, long version) {
        public static ActivityBlockResponse of(ActivityBlock b) {
            return new ActivityBlockResponse(b.id, b.classId, b.schoolId, b.dayOfWeek, b.startTime, b.endTime,
                    b.toClassBlock().time().minutes(), b.subject, b.core, b.structure, b.pushInOpenness, b.note,
                    b.version);
        }
    }
}
