package org.iepservices.schedule.access;

import jakarta.enterprise.context.RequestScoped;
import org.iepservices.access.StudentScope;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockRequest;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.roster.Enrollment;
import org.iepservices.schedule.domain.roster.School;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may change what, beyond the role an endpoint allows ({@code @RolesAllowed}). The caller's
 * broadest role decides, as for the student scope: a district admin anything in the district, a
 * school admin what belongs to their schools, a provider their own availability, limits, travel
 * times, series and scheduler runs, a teacher only the push-in openness (and note) of their classes'
 * activity blocks. A refusal is 403 ({@link AccessDenied}) and changes nothing.
 */
@RequestScoped
public class WriteAccess {

    private final AccessScope scope;
    private final StudentScope kind;
    private final DistrictClock clock;

    WriteAccess(AccessScope scope, DistrictClock clock) {
        this.scope = scope;
        this.kind = scope.actor().studentScope();
        this.clock = clock;
    }

    /**
     * A series written (created, changed, checked, cancelled): the provider's own for a provider, at
     * their school for a school admin, in the district for a district admin; and every student in
     * the request one the caller may see (a student is never scheduled by someone without a
     * legitimate interest in them, whether or not the id exists).
     */
    public void series(SeriesRequest request, SessionSeries existing) {
        if (existing != null) {
            series(existing);
        }
        if (request == null) {
            return;
        }
        owner(request.providerId(), request.schoolId());
        List<UUID> students = request.students().stream().map(s -> s.studentId()).toList();
        Set<UUID> visible = scope.visible(students);
        List<Violation> refused = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            if (students.get(i) != null && !visible.contains(students.get(i))) {
                refused.add(new Violation("students[" + i + "].studentId", "not a student you may schedule"));
            }
        }
        if (!refused.isEmpty()) {
            throw new AccessDenied(refused.size() == 1 ? refused.get(0).field() + ": " + refused.get(0).message()
                    : refused.size() + " of the students are not students you may schedule", refused);
        }
    }

    /** An existing series (or one of its occurrences) changed. */
    public void series(SessionSeries existing) {
        owner(existing.providerId, existing.schoolId);
    }

    private void owner(UUID providerId, UUID schoolId) {
        if (kind instanceof StudentScope.Caseload c) {
            if (!c.providerId().equals(providerId)) {
                throw new AccessDenied("Providers schedule their own sessions: providerId must be your staff id "
                        + c.providerId(), List.of(new Violation("providerId", "is another provider")));
            }
            return;
        }
        schoolAdmin(schoolId);
    }

    /**
     * Reference data of a school (bell schedules, calendars, closures, activity blocks) and what happens
     * there: a district admin of its district, or a school admin of that school.
     */
    public void schoolAdmin(UUID schoolId) {
        if (kind instanceof StudentScope.District d) {
            if (d.districtId() != null && !School.<School>findByIdOptional(schoolId)
                    .map(s -> d.districtId().equals(s.districtId)).orElse(false)) {
                throw new AccessDenied("School " + schoolId + " is not a school of your district (as far as "
                        + "roster.events told schedule-service)");
            }
        } else if (kind instanceof StudentScope.Schools s) {
            if (!s.schoolIds().contains(schoolId)) {
                throw new AccessDenied("School " + schoolId + " is not one of your schools");
            }
        } else {
            throw new AccessDenied("Only an administrator of the school may do this");
        }
    }

    /**
     * An activity block changed. Admins of its school may change anything; the class's teacher only
     * how open they are to push-in, and the note (the rest is the school's timetable).
     */
    public void blockUpdate(ActivityBlock block, ActivityBlockRequest request) {
        if (!(kind instanceof StudentScope.TaughtBy t)) {
            schoolAdmin(block.schoolId);
            return;
        }
        if (!teaches(t.teacherId(), block.classId)) {
            throw new AccessDenied("Teachers change the activity blocks of their own classes only");
        }
        List<Violation> changed = new ArrayList<>();
        if (request.dayOfWeek() != block.dayOfWeek) {
            changed.add(new Violation("dayOfWeek", "only an administrator moves a block"));
        }
        if (!Objects.equals(request.startTime(), block.startTime)) {
            changed.add(new Violation("startTime", "only an administrator moves a block"));
        }
        if (!Objects.equals(request.endTime(), block.endTime)) {
            changed.add(new Violation("endTime", "only an administrator moves a block"));
        }
        if (request.subject() != block.subject) {
            changed.add(new Violation("subject", "only an administrator changes what the class does"));
        }
        if (request.isCore() != block.core) {
            changed.add(new Violation("core", "only an administrator changes what counts as core instruction"));
        }
        if (request.structure() != block.structure) {
            changed.add(new Violation("structure", "only an administrator changes the block's structure"));
        }
        if (!changed.isEmpty()) {
            throw new AccessDenied("A teacher changes the push-in openness and the note of a block only", changed);
        }
    }

    /** Availability windows of a provider at schools: the provider, an admin of each school, a district admin. */
    public void availability(UUID providerId, UUID... schoolIds) {
        if (kind instanceof StudentScope.Caseload c) {
            if (!c.providerId().equals(providerId)) {
                throw new AccessDenied("Providers manage their own availability only");
            }
            return;
        }
        for (UUID school : schoolIds) {
            schoolAdmin(school);
        }
    }

    /** A provider's daily limit: the provider, a district admin, or an admin of a school they work at. */
    public void limits(UUID providerId) {
        if (kind instanceof StudentScope.Caseload c) {
            if (!c.providerId().equals(providerId)) {
                throw new AccessDenied("Providers set their own limits only");
            }
            return;
        }
        if (kind instanceof StudentScope.Schools s) {
            boolean theirs = Staff.<Staff>findByIdOptional(providerId)
                    .map(st -> st.schoolIds.stream().anyMatch(s.schoolIds()::contains)).orElse(false);
            if (!theirs) {
                throw new AccessDenied("Provider " + providerId + " works at none of your schools (as far as "
                        + "roster.events told schedule-service)");
            }
            return;
        }
        if (!(kind instanceof StudentScope.District)) {
            throw new AccessDenied("Your role may not set a provider's limits");
        }
    }

    /**
     * Travel times: district defaults (no provider) are a district admin's; a provider's own times are
     * the provider's or a district admin's (a trip joins two schools, more than one school's business).
     */
    public void travel(UUID providerId) {
        if (kind instanceof StudentScope.District) {
            return;
        }
        if (kind instanceof StudentScope.Caseload c && c.providerId().equals(providerId)) {
            return;
        }
        throw new AccessDenied(providerId == null ? "District travel times are set by a district admin"
                : "Travel times of a provider are set by that provider or a district admin");
    }

    /** A scheduler run: a provider for themselves, a school admin for one of their schools, a district admin. */
    public void scheduler(UUID providerId, UUID schoolId) {
        if (kind instanceof StudentScope.District) {
            return;
        }
        if (kind instanceof StudentScope.Caseload c) {
            if (!c.providerId().equals(providerId)) {
                throw new AccessDenied("Providers plan their own week only",
                        List.of(new Violation("providerId", "is another provider")));
            }
            return;
        }
        if (kind instanceof StudentScope.Schools s) {
            if (schoolId == null || !s.schoolIds().contains(schoolId)) {
                throw new AccessDenied("A school admin plans a provider's week at one of their schools: give "
                        + "schoolId", List.of(new Violation("schoolId", "must be one of your schools")));
            }
            return;
        }
        throw new AccessDenied("Your role may not run the scheduler");
    }

    /** Whether a scheduler job is the caller's business (else it is answered as unknown, 404). */
    public boolean seesJob(UUID providerId, UUID schoolId) {
        if (kind instanceof StudentScope.District) {
            return true;
        }
        if (kind instanceof StudentScope.Caseload c) {
            return c.providerId().equals(providerId);
        }
        if (kind instanceof StudentScope.Schools s) {
            return schoolId != null && s.schoolIds().contains(schoolId);
        }
        return false;
    }

    /** Whether the teacher has a current teacher enrollment in the class (not ended, not deleted). */
    public boolean teaches(UUID teacherId, UUID classId) {
        LocalDate today = clock.today();
        return Enrollment.<Enrollment>list("classId = ?1 and userId = ?2 and role = ?3", classId, teacherId,
                Enrollment.TEACHER).stream().anyMatch(e -> (e.status == null || !"tobedeleted".equalsIgnoreCase(
                e.status)) && (e.endDate == null || !e.endDate.isBefore(today)));
    }
}
