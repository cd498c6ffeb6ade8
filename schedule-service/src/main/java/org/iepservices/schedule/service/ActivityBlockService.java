package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockRequest;
import org.iepservices.schedule.domain.BellPeriod;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.availability.WeeklyWindows;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What classes do when. A block lies within the school day (the school's default bell
 * schedule) and overlaps no other block of its class that weekday; a block that push-in series
 * join cannot be removed or moved away from under them.
 */
@ApplicationScoped
public class ActivityBlockService {

    @Transactional
    public ActivityBlock create(UUID classId, ActivityBlockRequest request) {
        SchoolClass schoolClass = knownClass(classId);
        ActivityBlock block = new ActivityBlock();
        block.id = UUID.randomUUID();
        block.classId = classId;
        block.schoolId = schoolClass.schoolId;
        apply(block, request);
        block.persist();
        return block;
    }

    @Transactional
    public ActivityBlock update(UUID id, ActivityBlockRequest request, Long expectedVersion) {
        ActivityBlock block = get(id);
        IfMatch.check("Activity block", id, expectedVersion, block.version);
        TimeSpan time = request.endTime().isAfter(request.startTime())
                ? new TimeSpan(request.startTime(), request.endTime()) : null;
        List<String> stranded = joiningSeries(id).stream()
                .filter(s -> s.dayOfWeek != request.dayOfWeek() || time == null || !time.contains(s.time()))
                .map(s -> s.id + " (" + s.dayOfWeek + " " + s.time() + ")").toList();
        if (!stranded.isEmpty()) {
            throw ProblemException.conflict("Push-in series join this block and would fall outside it: "
                    + String.join(", ", stranded) + "; move or cancel them first");
        }
        apply(block, request);
        block.flush();
        return block;
    }

    @Transactional
    public void delete(UUID id) {
        ActivityBlock block = get(id);
        List<SessionSeries> joining = joiningSeries(id);
        if (!joining.isEmpty()) {
            throw ProblemException.conflict(joining.size() + " push-in series join this block ("
                    + joining.stream().map(s -> s.id.toString()).toList() + "); cancel them first");
        }
        block.delete();
    }

    public ActivityBlock get(UUID id) {
        return ActivityBlock.<ActivityBlock>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Activity block", id));
    }

    public List<ActivityBlock> ofClass(UUID classId, DayOfWeek day) {
        knownClass(classId);
        return day == null ? ActivityBlock.list("classId = ?1 order by dayOfWeek, startTime", classId)
                : ActivityBlock.list("classId = ?1 and dayOfWeek = ?2 order by startTime", classId, day);
    }

    public SchoolClass knownClass(UUID classId) {
        return SchoolClass.<SchoolClass>findByIdOptional(classId).orElseThrow(() -> ProblemException.notFound(
                "Class", classId + " (schedule-service knows classes from roster.events)"));
    }

    private List<SessionSeries> joiningSeries(UUID blockId) {
        return SessionSeries.<SessionSeries>list("activityBlockId", blockId).stream()
                .filter(s -> !s.cancelledEntirely()).toList();
    }

    private void apply(ActivityBlock block, ActivityBlockRequest request) {
        List<WeeklyWindows.Existing> others = ActivityBlock.<ActivityBlock>list("classId", block.classId).stream()
                .map(b -> new WeeklyWindows.Existing(b.id, b.dayOfWeek, new TimeSpan(b.startTime, b.endTime),
                        b.subject.name()))
                .toList();
        List<Violation> violations = new ArrayList<>(WeeklyWindows.check(request.dayOfWeek(), request.startTime(),
                request.endTime(), others, block.id));
        schoolDay(block.schoolId).ifPresentOrElse(day -> {
            if (request.startTime().isBefore(day.start()) || request.endTime().isAfter(day.end())) {
                violations.add(new Violation("startTime", "the school day is " + day + " (default bell schedule)"));
            }
        }, () -> violations.add(new Violation("classId", "school " + block.schoolId
                + " has no default bell schedule, so the school day is unknown; add one first")));
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The activity block does not fit the class's day",
                    violations);
        }
        block.dayOfWeek = request.dayOfWeek();
        block.startTime = request.startTime();
        block.endTime = request.endTime();
        block.subject = request.subject();
        block.core = request.isCore();
        block.structure = request.structure();
        block.pushInOpenness = request.pushInOpenness();
        block.note = request.note();
    }

    /** The school day by the default bell schedule: first period's start to last period's end. */
    public static Optional<TimeSpan> schoolDay(UUID schoolId) {
        if (schoolId == null) {
            return Optional.empty();
        }
        return BellSchedule.<BellSchedule>find("schoolId = ?1 and isDefault = true", schoolId).firstResultOptional()
                .filter(b -> !b.periods.isEmpty())
                .map(b -> new TimeSpan(b.periods.stream().map(BellPeriod::startTime).min(Comparator.naturalOrder())
                        .orElse(LocalTime.MIN), b.periods.stream().map(BellPeriod::endTime)
                        .max(Comparator.naturalOrder()).orElse(LocalTime.MAX)));
    }
}
