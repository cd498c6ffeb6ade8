package org.iepservices.schedule.domain.scheduling;

import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a pull-out costs: minutes of core instruction in the student's classes it overlaps, by subject. */
public final class CoreOverlap {

    private CoreOverlap() {
    }

    public static List<SubjectMinutes> of(Collection<ClassBlock> studentsBlocks, DayOfWeek day, TimeSpan session) {
        Map<String, Integer> bySubject = new TreeMap<>();
        for (ClassBlock block : studentsBlocks) {
            if (block.core() && block.day() == day && block.time().overlaps(session)) {
                bySubject.merge(block.subject().name(), block.time().overlapMinutes(session), Integer::sum);
            }
        }
        return bySubject.entrySet().stream().map(e -> new SubjectMinutes(e.getKey(), e.getValue())).toList();
    }
}
