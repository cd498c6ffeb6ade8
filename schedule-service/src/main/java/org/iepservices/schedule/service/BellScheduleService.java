package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.BellScheduleChanged;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleRequest;
import org.iepservices.schedule.domain.BellPeriod;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.domain.BellScheduleRules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bell schedules of a school; every create, change and removal is announced as BellScheduleChanged. */
@ApplicationScoped
public class BellScheduleService {

    private final Outbox outbox;
    private final CalendarAnnouncer calendars;

    BellScheduleService(Outbox outbox, CalendarAnnouncer calendars) {
        this.outbox = outbox;
        this.calendars = calendars;
    }

    @Transactional
    public BellSchedule create(UUID schoolId, BellScheduleRequest request) {
        BellSchedule schedule = new BellSchedule();
        schedule.id = UUID.randomUUID();
        schedule.schoolId = schoolId;
        apply(schedule, request);
        schedule.persist();
        schedule.flush();
        announce(schedule, false);
        calendars.bellSchedulesChanged(schoolId);
        return schedule;
    }

    @Transactional
    public BellSchedule update(UUID id, BellScheduleRequest request, Long expectedVersion) {
        BellSchedule schedule = get(id);
        IfMatch.check("Bell schedule", id, expectedVersion, schedule.version);
        apply(schedule, request);
        schedule.flush(); // the new version goes out in the ETag
        announce(schedule, false);
        calendars.bellSchedulesChanged(schedule.schoolId);
        return schedule;
    }

    @Transactional
    public void delete(UUID id) {
        BellSchedule schedule = get(id);
        announce(schedule, true);
        schedule.delete();
        schedule.flush(); // its assigned dates go with it (cascade) before the year is read again
        calendars.bellSchedulesChanged(schedule.schoolId);
    }

    public BellSchedule get(UUID id) {
        return BellSchedule.<BellSchedule>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Bell schedule", id));
    }

    public List<BellSchedule> ofSchool(UUID schoolId) {
        return BellSchedule.list("schoolId = ?1 order by isDefault desc, name", schoolId);
    }

    @Transactional
    public void assignDay(UUID schoolId, LocalDate date, UUID bellScheduleId) {
        BellSchedule schedule = get(bellScheduleId);
        if (!schedule.schoolId.equals(schoolId)) {
            throw ProblemException.unprocessable("The bell schedule belongs to another school",
                    new Violation("bellScheduleId", "not a bell schedule of school " + schoolId));
        }
        BellSchedule.getEntityManager().createNativeQuery(
                        "insert into bell_schedule_day (school_id, day, bell_schedule_id) values (?1, ?2, ?3) "
                                + "on conflict (school_id, day) do update set bell_schedule_id = excluded.bell_schedule_id")
                .setParameter(1, schoolId).setParameter(2, date).setParameter(3, bellScheduleId)
                .executeUpdate();
        calendars.dateChanged(schoolId, date); // an early-release day changes the year's minutes
    }

    /** The schedule of a date: the one assigned to it, else the school's default. */
    public Optional<BellSchedule> forDay(UUID schoolId, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object> assigned = BellSchedule.getEntityManager().createNativeQuery(
                        "select cast(bell_schedule_id as varchar) from bell_schedule_day where school_id = ?1 and day = ?2")
                .setParameter(1, schoolId).setParameter(2, date).getResultList();
        if (!assigned.isEmpty()) {
            return BellSchedule.findByIdOptional(UUID.fromString(assigned.get(0).toString()));
        }
        return BellSchedule.find("schoolId = ?1 and isDefault = true", schoolId).firstResultOptional();
    }

    /** The school day it defines: first start, last end, and the minutes of instructional periods. */
    private void announce(BellSchedule schedule, boolean removed) {
        List<BellPeriod> periods = BellScheduleRules.sorted(schedule.periods);
        int instructional = periods.stream().filter(BellPeriod::instructional).mapToInt(BellPeriod::minutes).sum();
        outbox.publish(BellScheduleChanged.TYPE, schedule.schoolId, new BellScheduleChanged(schedule.schoolId,
                schedule.id, schedule.name, schedule.isDefault, periods.get(0).startTime(),
                periods.stream().map(BellPeriod::endTime).max(Comparator.naturalOrder()).orElseThrow(),
                instructional, removed));
    }

    private void apply(BellSchedule schedule, BellScheduleRequest request) {
        List<BellPeriod> periods = request.periods().stream().map(p -> new BellPeriod(p.name(), p.startTime(),
                p.endTime(), p.countsAsInstruction())).toList();
        List<Violation> violations = BellScheduleRules.check(periods);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The periods do not make a school day", violations);
        }
        if (BellSchedule.count("schoolId = ?1 and lower(name) = ?2 and id <> ?3", schedule.schoolId,
                request.name().trim().toLowerCase(), schedule.id) > 0) {
            throw ProblemException.conflict("School " + schedule.schoolId + " has a bell schedule called "
                    + request.name());
        }
        if (request.isDefault()) {
            // One default per school: the new default replaces the old one, which is announced as such.
            List<BellSchedule> demoted = BellSchedule.list("schoolId = ?1 and id <> ?2 and isDefault = true",
                    schedule.schoolId, schedule.id);
            demoted.forEach(d -> d.isDefault = false);
            BellSchedule.flush();
            demoted.forEach(d -> announce(d, false));
        }
        schedule.name = request.name().trim();
        schedule.isDefault = request.isDefault();
        schedule.periods.clear();
        schedule.periods.addAll(BellScheduleRules.sorted(periods));
    }
}
