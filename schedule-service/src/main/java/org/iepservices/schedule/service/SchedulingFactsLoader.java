package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.config.ScheduleConfig;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.domain.EarlyRelease;
import org.iepservices.schedule.domain.SchoolYear;
import org.iepservices.schedule.domain.availability.AvailabilityWindow;
import org.iepservices.schedule.domain.availability.ProviderLimits;
import org.iepservices.schedule.domain.availability.TravelTime;
import org.iepservices.schedule.domain.conflict.ConflictPolicy;
import org.iepservices.schedule.domain.conflict.ProposedSession;
import org.iepservices.schedule.domain.conflict.SchedulingFacts;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TravelTimes;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads what the conflict rules need for one proposed session, and turns stored series into
 * bookings. The session being checked is left out: a whole series (create, update) or one
 * occurrence (move), whose pattern date then counts as free.
 */
@ApplicationScoped
public class SchedulingFactsLoader {

    private final RosterQuery roster;
    private final ScheduleConfig config;
    private final SchoolYears years;
    private final BellScheduleDays days;

    SchedulingFactsLoader(RosterQuery roster, ScheduleConfig config, SchoolYears years, BellScheduleDays days) {
        this.roster = roster;
        this.config = config;
        this.years = years;
        this.days = days;
    }

    /** What to leave out of the existing bookings. */
    public record Exclusion(UUID seriesId, SessionOccurrence occurrence) {
        public static Exclusion series(UUID id) {
            return new Exclusion(id, null);
        }

        public static Exclusion occurrence(SessionOccurrence occurrence) {
            return new Exclusion(null, occurrence);
        }
    }

    public ConflictPolicy policy() {
        return new ConflictPolicy(config.policy().pullOutDuringCore());
    }

    public SchedulingFacts load(ProposedSession session, Exclusion exclusion) {
        LocalDate from = session.from();
        LocalDate to = session.to();
        List<UUID> studentIds = session.participants().stream().map(ProposedSession.Participant::studentId).toList();

        List<SessionSeries> providerSeries = SessionSeries.<SessionSeries>list(
                        "providerId = ?1 and effectiveFrom <= ?2 and effectiveTo >= ?3", session.providerId(), to, from)
                .stream().filter(s -> !s.id.equals(exclusion.seriesId())).toList();
        List<SessionSeries> studentSeries = studentIds.isEmpty() ? List.of() : SessionSeries.<SessionSeries>list(
                        "select distinct s from SessionSeries s join s.members m where m.studentId in ?1"
                                + " and s.effectiveFrom <= ?2 and s.effectiveTo >= ?3", studentIds, to, from)
                .stream().filter(s -> !s.id.equals(exclusion.seriesId())).toList();
        Map<UUID, SessionSeries> all = new LinkedHashMap<>();
        providerSeries.forEach(s -> all.put(s.id, s));
        studentSeries.forEach(s -> all.put(s.id, s));
        Map<UUID, List<SessionOccurrence>> exceptions = exceptionsOf(all.keySet());

        List<Booking> providerBookings = new ArrayList<>();
        for (SessionSeries s : providerSeries) {
            providerBookings.addAll(bookings(s, exceptions.getOrDefault(s.id, List.of()), null, exclusion));
        }
        Map<UUID, List<Booking>> studentBookings = new HashMap<>();
        for (UUID student : studentIds) {
            List<Booking> bookings = new ArrayList<>();
            for (SessionSeries s : studentSeries) {
                if (s.member(student).isPresent()) {
                    bookings.addAll(bookings(s, exceptions.getOrDefault(s.id, List.of()), student, exclusion));
                }
            }
            studentBookings.put(student, bookings);
        }

        Map<UUID, MandateTerms> mandates = mandates(session.participants().stream()
                .map(ProposedSession.Participant::mandateId).toList());
        Map<UUID, Set<UUID>> classes = roster.classesOfStudents(studentIds, from, to);
        Set<UUID> classIds = new HashSet<>();
        classes.values().forEach(classIds::addAll);
        if (session.classId() != null) {
            classIds.add(session.classId());
        }
        Set<UUID> named = new HashSet<>(studentIds);
        named.addAll(classIds);
        named.add(session.schoolId());
        providerSeries.forEach(s -> named.add(s.schoolId));
        return new SchedulingFacts(providerBookings, studentBookings, availability(session.providerId()),
                travel(session.providerId()), maxSessionsPerDay(session.providerId()), mandates, classes,
                roster.blocksOf(classIds), roster.names(named), policy(), earlyReleases(session, exclusion));
    }

    /**
     * The school's early-release days in the session's period, less the dates the session's own
     * series already skips (an occurrence cancelled or moved away that day is no longer a problem).
     */
    List<EarlyRelease> earlyReleases(ProposedSession session, Exclusion exclusion) {
        Set<LocalDate> skipped = new HashSet<>();
        if (exclusion.seriesId() != null) {
            exceptionsOf(List.of(exclusion.seriesId())).getOrDefault(exclusion.seriesId(), List.of())
                    .forEach(o -> skipped.add(o.originalDate));
        }
        return earlyReleases(session.schoolId(), session.from(), session.to()).stream()
                .filter(e -> !skipped.contains(e.date())).toList();
    }

    /** The school's early-release days in [from, to]. */
    public List<EarlyRelease> earlyReleases(UUID schoolId, LocalDate from, LocalDate to) {
        Map<LocalDate, BellSchedule> assigned = days.overrides(schoolId, from, to);
        if (assigned.isEmpty()) {
            return List.of();
        }
        var defaultSchedule = days.defaultOf(schoolId);
        List<EarlyRelease> early = new ArrayList<>();
        for (SchoolYear year : years.between(schoolId, from, to)) {
            early.addAll(EarlyRelease.of(year, defaultSchedule, assigned));
        }
        return early;
    }

    public List<ProviderWindow> availability(UUID providerId) {
        return AvailabilityWindow.<AvailabilityWindow>list("providerId", providerId).stream()
                .map(AvailabilityWindow::toWindow).toList();
    }

    /** District defaults, overridden by the provider's own travel times; unknown pairs get the configured default. */
    public TravelTimes travel(UUID providerId) {
        Map<TravelTimes.SchoolPair, Integer> minutes = new HashMap<>();
        List<TravelTime> known = TravelTime.list("providerId is null or providerId = ?1", providerId);
        known.stream().filter(t -> t.providerId == null)
                .forEach(t -> minutes.put(TravelTimes.SchoolPair.of(t.schoolA, t.schoolB), t.minutes));
        known.stream().filter(t -> t.providerId != null)
                .forEach(t -> minutes.put(TravelTimes.SchoolPair.of(t.schoolA, t.schoolB), t.minutes));
        return new TravelTimes(minutes, config.travel().defaultMinutes());
    }

    public Integer maxSessionsPerDay(UUID providerId) {
        return ProviderLimits.<ProviderLimits>findByIdOptional(providerId).map(l -> l.maxSessionsPerDay).orElse(null);
    }

    public Map<UUID, MandateTerms> mandates(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Mandate.<Mandate>list("id in ?1", ids).stream().map(Mandate::terms)
                .collect(Collectors.toMap(MandateTerms::mandateId, Function.identity()));
    }

    /** Cancelled and moved occurrences of the given series: the dates their patterns skip. */
    public Map<UUID, List<SessionOccurrence>> exceptionsOf(Collection<UUID> seriesIds) {
        if (seriesIds.isEmpty()) {
            return Map.of();
        }
        return SessionOccurrence.<SessionOccurrence>list("seriesId in ?1 and (status <> ?2 or moved = true)",
                        seriesIds, OccurrenceStatus.SCHEDULED).stream()
                .collect(Collectors.groupingBy(o -> o.seriesId));
    }

    /**
     * A stored series as bookings: its weekly pattern (minus cancelled and moved-away dates) and
     * one booking per moved occurrence. With {@code studentId}, only that student's part of it
     * (the dates they are in the group).
     */
    public List<Booking> bookings(SessionSeries s, List<SessionOccurrence> exceptions, UUID studentId,
                                  Exclusion exclusion) {
        if (s.cancelledEntirely()) {
            return List.of();
        }
        LocalDate from = s.effectiveFrom;
        LocalDate to = s.lastDay();
        Map<UUID, UUID> students = new LinkedHashMap<>();
        List<SeriesMember> members = new ArrayList<>();
        for (SeriesMember m : s.members) {
            if (studentId == null ? m.active() : m.studentId().equals(studentId)) {
                members.add(m);
                students.put(m.studentId(), m.mandateId());
            }
        }
        if (studentId != null) {
            if (members.isEmpty()) {
                return List.of();
            }
            SeriesMember m = members.get(0);
            from = m.joinedFrom().isAfter(from) ? m.joinedFrom() : from;
            if (m.leftFrom() != null && !m.leftFrom().isAfter(to)) {
                to = m.leftFrom().minusDays(1);
            }
        }
        if (to.isBefore(from)) {
            return List.of();
        }
        Set<LocalDate> skipped = new HashSet<>();
        List<Booking> bookings = new ArrayList<>();
        SessionOccurrence excluded = exclusion.occurrence();
        if (excluded != null && excluded.seriesId.equals(s.id)) {
            skipped.add(excluded.originalDate);
        }
        for (SessionOccurrence o : exceptions) {
            skipped.add(o.originalDate);
            boolean isExcluded = excluded != null && excluded.id.equals(o.id);
            boolean ours = studentId == null || members.get(0).memberOn(o.originalDate);
            if (o.moved && o.scheduled() && !isExcluded && ours) {
                bookings.add(Booking.single(s.id, o.id, s.schoolId, s.setting, o.date, o.time(), students));
            }
        }
        bookings.add(0, new Booking(s.id, null, s.schoolId, s.setting, s.dayOfWeek, s.time(), from, to, skipped,
                students));
        return bookings;
    }
}
