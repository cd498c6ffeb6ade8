package org.iepservices.schedule.domain.conflict;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.EarlyRelease;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The scheduling rules, one method per rule, as plain Java over already-loaded facts. Each rule
 * returns the conflicts it finds (none when it does not apply); {@link #check} runs them all.
 */
public final class ConflictRules {

    private ConflictRules() {
    }

    public static List<Conflict> check(ProposedSession session, SchedulingFacts facts) {
        List<Conflict> conflicts = new ArrayList<>();
        conflicts.addAll(providerDoubleBooked(session, facts));
        conflicts.addAll(studentDoubleBooked(session, facts));
        conflicts.addAll(outsideProviderAvailability(session, facts));
        conflicts.addAll(insufficientTravelTime(session, facts));
        conflicts.addAll(providerDailyMaxExceeded(session, facts));
        conflicts.addAll(pullOutDuringCore(session, facts));
        conflicts.addAll(pullOutDuringExcludedSubject(session, facts));
        conflicts.addAll(nothingToPushInto(session, facts));
        conflicts.addAll(teacherDeclinesPushIn(session, facts));
        conflicts.addAll(studentNotInClass(session, facts));
        conflicts.addAll(groupTooLarge(session, facts));
        conflicts.addAll(groupForIndividualMandate(session, facts));
        conflicts.addAll(settingNotMandated(session, facts));
        conflicts.addAll(settingOverMandate(session, facts));
        conflicts.addAll(afterEarlyDismissal(session, facts));
        return conflicts;
    }

    public static boolean anyHard(List<Conflict> conflicts) {
        return conflicts.stream().anyMatch(Conflict::hard);
    }

    /** The provider has another session (series or moved occurrence) overlapping on a shared date. */
    public static List<Conflict> providerDoubleBooked(ProposedSession session, SchedulingFacts facts) {
        Booking proposed = session.asBooking();
        List<Conflict> conflicts = new ArrayList<>();
        for (Booking other : facts.providerBookings()) {
            if (!other.time().overlaps(session.time())) {
                continue;
            }
            proposed.firstDateShared(other).ifPresent(date -> conflicts.add(Conflict.of(
                            ConflictKind.PROVIDER_DOUBLE_BOOKED, Severity.HARD,
                            "The provider already has a " + other.setting() + " session " + other.day() + " "
                                    + other.time() + " at " + facts.name(other.schoolId()) + " (first clash "
                                    + date + ")")
                    .otherSeries(other.seriesId()).on(date)));
        }
        return conflicts;
    }

    /** A student of the session has another session at that time, with any provider. */
    public static List<Conflict> studentDoubleBooked(ProposedSession session, SchedulingFacts facts) {
        Booking proposed = session.asBooking();
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            for (Booking other : facts.bookingsOf(p.studentId())) {
                if (!other.time().overlaps(session.time())) {
                    continue;
                }
                proposed.firstDateShared(other).ifPresent(date -> conflicts.add(Conflict.of(
                                ConflictKind.STUDENT_DOUBLE_BOOKED, Severity.HARD,
                                facts.name(p.studentId()) + " already has a " + other.setting() + " session "
                                        + other.day() + " " + other.time() + " (first clash " + date + ")")
                        .student(p.studentId()).otherSeries(other.seriesId()).on(date)));
            }
        }
        return conflicts;
    }

    /** The session lies in none of the provider's availability windows at that school and weekday. */
    public static List<Conflict> outsideProviderAvailability(ProposedSession session, SchedulingFacts facts) {
        List<ProviderWindow> sameDay = facts.availability().stream()
                .filter(w -> w.day() == session.day()).toList();
        boolean inside = sameDay.stream().anyMatch(w -> w.schoolId().equals(session.schoolId())
                && w.time().contains(session.time()));
        if (inside) {
            return List.of();
        }
        String known = sameDay.isEmpty() ? "no availability on " + session.day()
                : "available " + sameDay.stream().sorted(Comparator.comparing(w -> w.time().start()))
                .map(w -> w.time() + " at " + facts.name(w.schoolId())).collect(Collectors.joining(", "));
        return List.of(Conflict.of(ConflictKind.OUTSIDE_PROVIDER_AVAILABILITY, Severity.HARD,
                "The provider is not available at " + facts.name(session.schoolId()) + " " + session.day() + " "
                        + session.time() + " (" + known + ")"));
    }

    /** Another session at another school the same day leaves less time between them than the trip takes. */
    public static List<Conflict> insufficientTravelTime(ProposedSession session, SchedulingFacts facts) {
        Booking proposed = session.asBooking();
        List<Conflict> conflicts = new ArrayList<>();
        for (Booking other : facts.providerBookings()) {
            if (other.schoolId().equals(session.schoolId()) || other.time().overlaps(session.time())) {
                continue; // same school needs no trip; an overlap is a double booking
            }
            int needed = facts.travel().between(other.schoolId(), session.schoolId());
            int gap = other.time().gapTo(session.time());
            if (gap >= needed) {
                continue;
            }
            proposed.firstDateShared(other).ifPresent(date -> conflicts.add(Conflict.of(
                            ConflictKind.INSUFFICIENT_TRAVEL_TIME, Severity.HARD,
                            "Travel between " + facts.name(other.schoolId()) + " and "
                                    + facts.name(session.schoolId()) + " takes " + needed + " min; the session "
                                    + other.time() + " there leaves " + gap + " min (first on " + date + ")")
                    .otherSeries(other.seriesId()).on(date)));
        }
        return conflicts;
    }

    /** On some date the provider would have more sessions than their maximum per day. */
    public static List<Conflict> providerDailyMaxExceeded(ProposedSession session, SchedulingFacts facts) {
        Integer max = facts.maxSessionsPerDay();
        if (max == null) {
            return List.of();
        }
        List<LocalDate> over = new ArrayList<>();
        int worst = 0;
        for (LocalDate date : session.asBooking().dates()) {
            int count = 1 + (int) facts.providerBookings().stream().filter(b -> b.occursOn(date)).count();
            if (count > max) {
                over.add(date);
                worst = Math.max(worst, count);
            }
        }
        if (over.isEmpty()) {
            return List.of();
        }
        return List.of(Conflict.of(ConflictKind.PROVIDER_DAILY_MAX_EXCEEDED, Severity.HARD,
                "The provider would have " + worst + " sessions on " + over.get(0)
                        + (over.size() > 1 ? " and " + (over.size() - 1) + " more date(s)" : "")
                        + "; the maximum is " + max + " a day").on(over.get(0)));
    }

    /** A pull-out takes a student out of core instruction in one of their classes. */
    public static List<Conflict> pullOutDuringCore(ProposedSession session, SchedulingFacts facts) {
        if (session.setting() != ServiceSetting.PULL_OUT) {
            return List.of();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            for (ClassBlock block : blocksDuring(p.studentId(), session, facts)) {
                if (block.core()) {
                    conflicts.add(Conflict.of(ConflictKind.PULL_OUT_DURING_CORE, facts.policy().pullOutDuringCore(),
                                    facts.name(p.studentId()) + " would miss " + block.time().overlapMinutes(
                                            session.time()) + " min of core " + block.subject() + " ("
                                            + block.time() + ") in " + facts.name(block.classId()))
                            .student(p.studentId()).subject(block.subject().name()));
                }
            }
        }
        return conflicts;
    }

    /** A pull-out during a subject the student's mandate says never to pull them from. */
    public static List<Conflict> pullOutDuringExcludedSubject(ProposedSession session, SchedulingFacts facts) {
        if (session.setting() != ServiceSetting.PULL_OUT) {
            return List.of();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            MandateTerms mandate = facts.mandates().get(p.mandateId());
            if (mandate == null || mandate.excludedSubjects().isEmpty()) {
                continue;
            }
            for (ClassBlock block : blocksDuring(p.studentId(), session, facts)) {
                if (mandate.excludedSubjects().contains(block.subject().name())) {
                    conflicts.add(Conflict.of(ConflictKind.PULL_OUT_DURING_EXCLUDED_SUBJECT, Severity.HARD,
                                    facts.name(p.studentId()) + "'s mandate excludes pull-out during "
                                            + block.subject() + " (" + block.time() + " in "
                                            + facts.name(block.classId()) + ")")
                            .student(p.studentId()).subject(block.subject().name()));
                }
            }
        }
        return conflicts;
    }

    /**
     * A push-in needs a structured activity to join: none at that time, or lunch, recess, a
     * transition (hard); an unstructured block (soft: possible, often performative).
     */
    public static List<Conflict> nothingToPushInto(ProposedSession session, SchedulingFacts facts) {
        if (session.setting() != ServiceSetting.PUSH_IN) {
            return List.of();
        }
        Optional<ClassBlock> joined = pushInBlock(session, facts);
        if (joined.isEmpty()) {
            return List.of(Conflict.of(ConflictKind.NOTHING_TO_PUSH_INTO, Severity.HARD,
                    facts.name(session.classId()) + " has no activity covering " + session.day() + " "
                            + session.time()));
        }
        ClassBlock block = joined.get();
        if (block.nonInstructional()) {
            return List.of(Conflict.of(ConflictKind.NOTHING_TO_PUSH_INTO, Severity.HARD,
                    "Nothing to push into: " + facts.name(block.classId()) + " has " + block.subject() + " "
                            + block.time()).subject(block.subject().name()));
        }
        if (block.structure() == Structure.LOW) {
            return List.of(Conflict.of(ConflictKind.NOTHING_TO_PUSH_INTO, Severity.SOFT,
                    block.subject() + " " + block.time() + " in " + facts.name(block.classId())
                            + " is unstructured; a push-in there has little to join").subject(block.subject().name()));
        }
        return List.of();
    }

    /** The class teacher said NEVER (hard) or PREFERS_NOT (soft) to a provider in this block. */
    public static List<Conflict> teacherDeclinesPushIn(ProposedSession session, SchedulingFacts facts) {
        if (session.setting() != ServiceSetting.PUSH_IN) {
            return List.of();
        }
        Optional<ClassBlock> joined = pushInBlock(session, facts);
        if (joined.isEmpty()) {
            return List.of();
        }
        ClassBlock block = joined.get();
        if (block.openness() == PushInOpenness.NEVER) {
            return List.of(Conflict.of(ConflictKind.TEACHER_DECLINES_PUSH_IN, Severity.HARD,
                    "The teacher of " + facts.name(block.classId()) + " does not take push-in during "
                            + block.subject() + " " + block.time()).subject(block.subject().name()));
        }
        if (block.openness() == PushInOpenness.PREFERS_NOT) {
            return List.of(Conflict.of(ConflictKind.TEACHER_DECLINES_PUSH_IN, Severity.SOFT,
                    "The teacher of " + facts.name(block.classId()) + " prefers no push-in during "
                            + block.subject() + " " + block.time()).subject(block.subject().name()));
        }
        return List.of();
    }

    /** A push-in joins a class some student of the session is not enrolled in. */
    public static List<Conflict> studentNotInClass(ProposedSession session, SchedulingFacts facts) {
        if (session.setting() != ServiceSetting.PUSH_IN || session.classId() == null) {
            return List.of();
        }
        return session.participants().stream()
                .filter(p -> !facts.classesOf(p.studentId()).contains(session.classId()))
                .map(p -> Conflict.of(ConflictKind.STUDENT_NOT_IN_CLASS, Severity.HARD,
                        facts.name(p.studentId()) + " is not enrolled in " + facts.name(session.classId()))
                        .student(p.studentId()))
                .toList();
    }

    /** The group is bigger than a GROUP mandate's maximum. */
    public static List<Conflict> groupTooLarge(ProposedSession session, SchedulingFacts facts) {
        if (!session.series()) {
            return List.of();
        }
        int size = session.participants().size();
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            MandateTerms mandate = facts.mandates().get(p.mandateId());
            if (mandate != null && mandate.groupTooLarge(size)) {
                conflicts.add(Conflict.of(ConflictKind.GROUP_TOO_LARGE, Severity.HARD,
                        "A group of " + size + "; " + facts.name(p.studentId()) + "'s mandate allows at most "
                                + mandate.maxGroupSize()).student(p.studentId()));
            }
        }
        return conflicts;
    }

    /** More than one student in a series that serves an INDIVIDUAL mandate. */
    public static List<Conflict> groupForIndividualMandate(ProposedSession session, SchedulingFacts facts) {
        if (!session.series() || session.participants().size() < 2) {
            return List.of();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            MandateTerms mandate = facts.mandates().get(p.mandateId());
            if (mandate != null && mandate.individual()) {
                conflicts.add(Conflict.of(ConflictKind.GROUP_FOR_INDIVIDUAL_MANDATE, Severity.HARD,
                        facts.name(p.studentId()) + "'s mandate is individual; this series has "
                                + session.participants().size() + " students").student(p.studentId()));
            }
        }
        return conflicts;
    }

    /** The mandate has no sessions in the series' setting (e.g. a push-in for a pull-out-only mandate). */
    public static List<Conflict> settingNotMandated(ProposedSession session, SchedulingFacts facts) {
        if (!session.series()) {
            return List.of();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            MandateTerms mandate = facts.mandates().get(p.mandateId());
            if (mandate != null && mandate.sessions(session.setting()) == 0) {
                conflicts.add(Conflict.of(ConflictKind.SETTING_NOT_MANDATED, Severity.HARD,
                        facts.name(p.studentId()) + "'s mandate has no " + session.setting() + " sessions ("
                                + mandate.pushInSessions() + " push-in, " + mandate.pullOutSessions()
                                + " pull-out per " + mandate.interval() + ")").student(p.studentId()));
            }
        }
        return conflicts;
    }

    /**
     * With this series a student would have more weekly series of a setting, under the same
     * mandate and overlapping in dates, than the mandate's frequency of that setting (soft:
     * over-serving is not a violation, but it spends provider time).
     */
    public static List<Conflict> settingOverMandate(ProposedSession session, SchedulingFacts facts) {
        if (!session.series()) {
            return List.of();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Participant p : session.participants()) {
            MandateTerms mandate = facts.mandates().get(p.mandateId());
            if (mandate == null || mandate.sessions(session.setting()) == 0) {
                continue;
            }
            Set<UUID> series = new HashSet<>();
            for (Booking other : facts.bookingsOf(p.studentId())) {
                if (other.recurring() && other.setting() == session.setting()
                        && p.mandateId().equals(other.students().get(p.studentId()))
                        && other.overlapsPeriod(session.from(), session.to())) {
                    series.add(other.seriesId());
                }
            }
            int allowed = mandate.weeklySeriesAllowed(session.setting());
            if (series.size() + 1 > allowed) {
                conflicts.add(Conflict.of(ConflictKind.SETTING_OVER_MANDATE, Severity.SOFT,
                        facts.name(p.studentId()) + " would have " + (series.size() + 1) + " weekly "
                                + session.setting() + " series; the mandate has " + mandate.sessions(
                                session.setting()) + " per " + mandate.interval()).student(p.studentId()));
            }
        }
        return conflicts;
    }

    /**
     * On an early-release day the students are gone after the shortened schedule's last period: a
     * session ending later cannot take place then. For a series this is soft (its other weeks are
     * fine; that date is moved or cancelled), for a move onto that date hard.
     */
    public static List<Conflict> afterEarlyDismissal(ProposedSession session, SchedulingFacts facts) {
        Booking proposed = session.asBooking();
        List<EarlyRelease> hit = facts.earlyReleases().stream()
                .filter(e -> proposed.occursOn(e.date()) && session.time().end().isAfter(e.dismissal()))
                .sorted(Comparator.comparing(EarlyRelease::date)).toList();
        if (hit.isEmpty()) {
            return List.of();
        }
        EarlyRelease first = hit.get(0);
        return List.of(Conflict.of(ConflictKind.AFTER_EARLY_DISMISSAL, session.series() ? Severity.SOFT : Severity.HARD,
                "Early release on " + first.date() + " (" + first.scheduleName() + "): students leave at "
                        + first.dismissal() + ", the session " + session.time() + " ends after"
                        + (hit.size() > 1 ? "; " + (hit.size() - 1) + " more early-release date(s)" : ""))
                .on(first.date()));
    }

    /** The block a push-in joins: the one named, if it covers the session, else any block of the class that does. */
    static Optional<ClassBlock> pushInBlock(ProposedSession session, SchedulingFacts facts) {
        List<ClassBlock> covering = facts.blocksOf(session.classId()).stream()
                .filter(b -> b.day() == session.day() && b.time().contains(session.time())).toList();
        return covering.stream().filter(b -> b.blockId().equals(session.activityBlockId())).findFirst()
                .or(() -> covering.stream().findFirst());
    }

    /** The blocks of a student's classes that a session overlaps. */
    private static List<ClassBlock> blocksDuring(UUID studentId, ProposedSession session, SchedulingFacts facts) {
        List<ClassBlock> blocks = new ArrayList<>();
        TimeSpan time = session.time();
        for (UUID classId : facts.classesOf(studentId)) {
            for (ClassBlock block : facts.blocksOf(classId)) {
                if (block.day() == session.day() && block.time().overlaps(time)) {
                    blocks.add(block);
                }
            }
        }
        blocks.sort(Comparator.comparing((ClassBlock b) -> b.time().start()));
        return blocks;
    }
}
