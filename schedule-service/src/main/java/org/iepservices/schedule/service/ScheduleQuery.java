package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.api.ViewDtos.Attendee;
import org.iepservices.schedule.api.ViewDtos.ScheduledSession;
import org.iepservices.schedule.config.ScheduleConfig;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is where when: a provider's week, a student's week, a school's day and a class's week
 * (push-ins into it and pull-outs of its students), cancelled occurrences included with reason.
 *
 * <p>Every view is the caller's: only sessions of series with a student in their scope (the scope is
 * a condition of the query), and in a group only the students in scope are named (the others are
 * counted in {@code groupSize}); a session naming nobody the caller may see is left out.
 */
@ApplicationScoped
public class ScheduleQuery {

    private final RosterQuery roster;
    private final ScheduleConfig config;
    private final SchedulingFactsLoader facts;

    ScheduleQuery(RosterQuery roster, ScheduleConfig config, SchedulingFactsLoader facts) {
        this.facts = facts;
        this.roster = roster;
        this.config = config;
    }

    /** The first day of the week containing {@code date}. */
    public LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(config.weekStart()));
    }

    public List<ScheduledSession> provider(UUID providerId, LocalDate from, LocalDate to, AccessScope scope) {
        Condition c = scope.contains("m.studentId");
        List<SessionOccurrence> occurrences = SessionOccurrence.list("date >= :from and date <= :to and seriesId in"
                + " (select s.id from SessionSeries s join s.members m where s.providerId = :provider and "
                + c.jpql() + ")", AccessScope.params(c, "from", from, "to", to, "provider", providerId));
        return sessions(occurrences, ScheduleQuery::members, null, scope, false);
    }

    /**
     * The student's occurrences; other students of a group are counted, not named. The caller must
     * have been allowed to see the student ({@link AccessScope#requireStudent}).
     */
    public List<ScheduledSession> student(UUID studentId, LocalDate from, LocalDate to, AccessScope scope) {
        List<SessionOccurrence> occurrences = SessionOccurrence.list("date >= ?1 and date <= ?2 and seriesId in"
                + " (select s.id from SessionSeries s join s.members m where m.studentId = ?3)", from, to, studentId);
        return sessions(occurrences, (series, o) -> members(series, o).stream()
                .filter(m -> m.studentId().equals(studentId)).toList(), null, scope, true);
    }

    public List<ScheduledSession> school(UUID schoolId, LocalDate from, LocalDate to, AccessScope scope) {
        Condition c = scope.contains("m.studentId");
        List<SessionOccurrence> occurrences = SessionOccurrence.list("date >= :from and date <= :to and seriesId in"
                + " (select s.id from SessionSeries s join s.members m where s.schoolId = :school and "
                + c.jpql() + ")", AccessScope.params(c, "from", from, "to", to, "school", schoolId));
        return sessions(occurrences, ScheduleQuery::members, null, scope, false);
    }

    /**
     * What a class teacher needs: providers coming into the class (push-in: who, when, with which
     * of their students, during what) and their students leaving for pull-outs.
     */
    public List<ScheduledSession> schoolClass(UUID classId, LocalDate from, LocalDate to, AccessScope scope) {
        Set<UUID> students = roster.studentsOf(classId, from, to);
        Condition c = scope.contains("m.studentId");
        List<SessionOccurrence> occurrences = SessionOccurrence.list("date >= :from and date <= :to and seriesId in"
                + " (select s.id from SessionSeries s join s.members m where s.classId = :cls and " + c.jpql() + ")",
                AccessScope.params(c, "from", from, "to", to, "cls", classId));
        if (!students.isEmpty()) {
            occurrences = new ArrayList<>(occurrences);
            occurrences.addAll(SessionOccurrence.<SessionOccurrence>list("date >= :from and date <= :to and seriesId"
                    + " in (select s.id from SessionSeries s join s.members m where s.setting = :setting"
                    + " and m.studentId in :students and " + c.jpql() + ")", AccessScope.params(c, "from", from, "to",
                    to, "setting", ServiceSetting.PULL_OUT, "students", students)));
        }
        return sessions(occurrences, (series, o) -> series.setting == ServiceSetting.PUSH_IN ? members(series, o)
                : members(series, o).stream().filter(m -> students.contains(m.studentId())).toList(), classId, scope,
                true);
    }

    /** Per school, the early-release days among the occurrences' dates and when students leave then. */
    private Map<UUID, Map<LocalDate, LocalTime>> earlyDismissals(Collection<SessionSeries> series,
                                                                 Collection<SessionOccurrence> occurrences) {
        LocalDate from = occurrences.stream().map(o -> o.date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = occurrences.stream().map(o -> o.date).max(Comparator.naturalOrder()).orElseThrow();
        Map<UUID, Map<LocalDate, LocalTime>> bySchool = new HashMap<>();
        for (UUID school : series.stream().map(s -> s.schoolId).collect(Collectors.toSet())) {
            Map<LocalDate, LocalTime> days = new HashMap<>();
            facts.earlyReleases(school, from, to).forEach(e -> days.put(e.date(), e.dismissal()));
            bySchool.put(school, days);
        }
        return bySchool;
    }

    /** The early dismissal a scheduled occurrence runs past, if it does (it cannot take place as planned). */
    private static LocalTime afterDismissal(Map<LocalDate, LocalTime> dismissals, SessionOccurrence o) {
        LocalTime dismissal = dismissals == null ? null : dismissals.get(o.date);
        return dismissal != null && o.scheduled() && o.time().end().isAfter(dismissal) ? dismissal : null;
    }

    private interface Attending {
        List<SeriesMember> of(SessionSeries series, SessionOccurrence occurrence);
    }

    private static List<SeriesMember> members(SessionSeries series, SessionOccurrence o) {
        return series.members.stream().filter(m -> m.memberOn(o.originalDate)).toList();
    }

    /**
     * The occurrences as sessions, naming only students in the caller's scope. A session whose
     * students are all outside it is left out, and so is (when {@code dropEmpty}) one without students.
     */
    private List<ScheduledSession> sessions(Collection<SessionOccurrence> occurrences, Attending attending,
                                            UUID forClass, AccessScope scope, boolean dropEmpty) {
        if (occurrences.isEmpty()) {
            return List.of();
        }
        Map<UUID, SessionSeries> series = SessionSeries.<SessionSeries>list("id in ?1",
                        occurrences.stream().map(o -> o.seriesId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Set<UUID> blockIds = series.values().stream().map(s -> s.activityBlockId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> subjects = new HashMap<>();
        if (!blockIds.isEmpty()) {
            ActivityBlock.<ActivityBlock>list("id in ?1", blockIds).forEach(b -> subjects.put(b.id, b.subject.name()));
        }
        Set<UUID> named = new HashSet<>();
        Set<UUID> visible = scope.visible(series.values().stream().flatMap(s -> s.members.stream())
                .map(SeriesMember::studentId).toList());
        series.values().forEach(s -> {
            named.add(s.providerId);
            named.add(s.classId);
        });
        named.addAll(visible);
        Map<UUID, String> names = roster.names(named);
        Map<UUID, Map<LocalDate, LocalTime>> dismissals = earlyDismissals(series.values(), occurrences);
        Set<UUID> seen = new HashSet<>();
        return occurrences.stream().filter(o -> seen.add(o.id))
                .sorted(Comparator.comparing((SessionOccurrence o) -> o.date).thenComparing(o -> o.startTime))
                .map(o -> {
                    SessionSeries s = series.get(o.seriesId);
                    List<SeriesMember> group = members(s, o);
                    List<SeriesMember> attendingAll = attending.of(s, o);
                    List<Attendee> attendees = attendingAll.stream().filter(m -> visible.contains(m.studentId()))
                            .map(m -> new Attendee(m.studentId(), names.get(m.studentId()), m.mandateOn(o.originalDate))).toList();
                    if (attendees.isEmpty() && (dropEmpty || !attendingAll.isEmpty())) {
                        return null;
                    }
                    String visit = forClass == null ? null : s.setting == ServiceSetting.PUSH_IN && forClass.equals(
                            s.classId) ? "PROVIDER_JOINS" : "STUDENTS_LEAVE";
                    return new ScheduledSession(o.id, s.id, o.date, o.startTime, o.time().end(), o.minutes, o.status,
                            o.cancelReason, o.cancelNote, o.moved, o.originalDate, s.providerId,
                            names.get(s.providerId), s.schoolId, s.setting, s.serviceType, s.classId,
                            s.classId == null ? null : names.get(s.classId), s.activityBlockId,
                            s.activityBlockId == null ? null : subjects.get(s.activityBlockId), s.room, group.size(),
                            attendees, visit, afterDismissal(dismissals.get(s.schoolId), o));
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
