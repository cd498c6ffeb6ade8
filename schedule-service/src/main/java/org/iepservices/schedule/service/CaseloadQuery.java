package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.ClassFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.GoalFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.ProviderFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.SchoolFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.SeriesFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.StudentFacts;
import org.iepservices.schedule.domain.iep.Goal;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.iep.ServiceProfile;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.domain.roster.Student;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A provider's caseload as plain data: who the provider serves (mandates assigned to them, and
 * students already in their series), those students' mandates in force, goals, service
 * profiles, classes with activity blocks, the provider's availability, travel times and daily
 * limit, and the existing series of the provider and of those students. Read-only: the input of
 * an automatic scheduler or a recommendation, and of caseload coverage.
 */
@ApplicationScoped
public class CaseloadQuery {

    private final SchedulingFactsLoader facts;
    private final RosterQuery roster;

    CaseloadQuery(SchedulingFactsLoader facts, RosterQuery roster) {
        this.facts = facts;
        this.roster = roster;
    }

    /** The mandates a provider serves in [from, to], by student: assigned to them, or served by their series. */
    public Map<UUID, Set<UUID>> servedMandates(UUID providerId, LocalDate from, LocalDate to) {
        Map<UUID, Set<UUID>> served = new LinkedHashMap<>();
        for (Mandate m : Mandate.<Mandate>list("providerId", providerId)) {
            if (m.inForceDuring(from, to)) {
                served.computeIfAbsent(m.studentId, k -> new LinkedHashSet<>()).add(m.id);
            }
        }
        for (SessionSeries s : seriesOfProvider(providerId, from, to)) {
            for (SeriesMember member : s.members) {
                if (member.active() || !member.leftFrom().isBefore(from)) {
                    served.computeIfAbsent(member.studentId(), k -> new LinkedHashSet<>()).add(member.mandateId());
                }
            }
        }
        return served;
    }

    /**
     * The caseload as the caller may see it: only the students in their scope (found by a query on
     * the candidates), and in series facts only those students named.
     */
    public CaseloadSnapshot snapshot(UUID providerId, LocalDate from, LocalDate to, AccessScope scope) {
        return snapshot(providerId, from, to, to, scope::visible);
    }

    /**
     * The caseload in [from, to], with the existing series running at some point in [from,
     * seriesUntil]: the automatic scheduler plans a week but the series it proposes run to the
     * mandates' end, so a series starting later already takes its slot.
     */
    public CaseloadSnapshot snapshot(UUID providerId, LocalDate from, LocalDate to, LocalDate seriesUntil) {
        return snapshot(providerId, from, to, seriesUntil, ids -> Set.copyOf(ids));
    }

    private CaseloadSnapshot snapshot(UUID providerId, LocalDate from, LocalDate to, LocalDate seriesUntil,
                                      Function<Collection<UUID>, Set<UUID>> shown) {
        LocalDate seriesTo = seriesUntil.isAfter(to) ? seriesUntil : to;
        Map<UUID, Set<UUID>> served = servedMandates(providerId, from, to);
        served.keySet().retainAll(shown.apply(served.keySet()));
        Set<UUID> studentIds = served.keySet();
        Optional<Staff> staff = Staff.findByIdOptional(providerId);

        Map<UUID, Set<UUID>> classesOfStudent = roster.classesOfStudents(studentIds, from, to);
        Set<UUID> classIds = new HashSet<>();
        classesOfStudent.values().forEach(classIds::addAll);
        Map<UUID, List<ClassBlock>> blocks = roster.blocksOf(classIds);
        Map<UUID, ClassFacts> classes = new HashMap<>();
        if (!classIds.isEmpty()) {
            for (SchoolClass c : SchoolClass.<SchoolClass>list("id in ?1", classIds)) {
                classes.put(c.id, new ClassFacts(c.id, c.title, c.schoolId, roster.teachersOf(c.id),
                        blocks.getOrDefault(c.id, List.of())));
            }
            // A class not received yet still has its blocks if any were entered.
            classIds.stream().filter(id -> !classes.containsKey(id)).forEach(id -> classes.put(id,
                    new ClassFacts(id, null, null, roster.teachersOf(id), blocks.getOrDefault(id, List.of()))));
        }

        Set<UUID> mandateIds = new HashSet<>();
        served.values().forEach(mandateIds::addAll);
        Map<UUID, Mandate> mandates = mandateIds.isEmpty() ? Map.of() : Mandate.<Mandate>list("id in ?1", mandateIds)
                .stream().collect(Collectors.toMap(m -> m.id, m -> m));
        Set<UUID> iepIds = mandates.values().stream().map(m -> m.iepId).collect(Collectors.toSet());
        Map<UUID, List<Goal>> goals = iepIds.isEmpty() ? Map.of() : Goal.<Goal>list("iepId in ?1", iepIds).stream()
                .collect(Collectors.groupingBy(g -> g.studentId));
        Map<UUID, Student> students = studentIds.isEmpty() ? Map.of() : Student.<Student>list("id in ?1", studentIds)
                .stream().collect(Collectors.toMap(s -> s.id, s -> s));
        Map<UUID, ServiceProfile> profiles = studentIds.isEmpty() ? Map.of()
                : ServiceProfile.<ServiceProfile>list("studentId in ?1", studentIds).stream()
                .collect(Collectors.toMap(p -> p.studentId, p -> p));

        List<StudentFacts> studentFacts = new ArrayList<>();
        for (UUID id : studentIds) {
            Student s = students.get(id);
            ServiceProfile profile = profiles.get(id);
            Set<UUID> theirMandates = served.get(id);
            Set<UUID> theirIeps = theirMandates.stream().map(mandates::get).filter(Objects::nonNull)
                    .map(m -> m.iepId).collect(Collectors.toSet());
            studentFacts.add(new StudentFacts(id, s == null ? null : s.displayName(), s == null ? null : s.grade,
                    s == null ? null : s.schoolId, profile == null ? null : profile.regulationSupport,
                    profile != null && profile.needsQuietSetting,
                    theirMandates.stream().map(mandates::get).filter(Objects::nonNull)
                            .filter(m -> m.inForceDuring(from, to)).map(Mandate::terms)
                            .sorted(Comparator.comparing(MandateTerms::serviceType)).toList(),
                    goals.getOrDefault(id, List.of()).stream().filter(g -> theirIeps.contains(g.iepId))
                            .map(g -> new GoalFacts(g.id, g.iepId, g.area, g.description, g.skillStage, g.serviceType))
                            .toList(),
                    classesOfStudent.getOrDefault(id, Set.of()).stream().map(classes::get)
                            .filter(Objects::nonNull).toList()));
        }

        Map<UUID, SessionSeries> series = new LinkedHashMap<>();
        seriesOfProvider(providerId, from, seriesTo).forEach(s -> series.put(s.id, s));
        if (!studentIds.isEmpty()) {
            SessionSeries.<SessionSeries>list("select distinct s from SessionSeries s join s.members m"
                            + " where m.studentId in ?1 and s.effectiveFrom <= ?2 and s.effectiveTo >= ?3", studentIds,
                    seriesTo, from).stream().filter(s -> !s.cancelledEntirely() && !s.lastDay().isBefore(from))
                    .forEach(s -> series.putIfAbsent(s.id, s));
        }
        Set<UUID> named = shown.apply(series.values().stream().flatMap(s -> s.activeMembers().stream())
                .map(SeriesMember::studentId).toList());
        List<SeriesFacts> seriesFacts = series.values().stream().map(s -> facts(s, named)).toList();

        Set<UUID> schoolIds = new LinkedHashSet<>();
        staff.ifPresent(st -> schoolIds.addAll(st.schoolIds));
        studentFacts.forEach(s -> {
            if (s.schoolId() != null) {
                schoolIds.add(s.schoolId());
            }
        });
        series.values().forEach(s -> schoolIds.add(s.schoolId));
        Map<UUID, String> schoolNames = roster.names(schoolIds);
        List<SchoolFacts> schools = schoolIds.stream().map(id -> {
            Optional<TimeSpan> day = ActivityBlockService.schoolDay(id);
            return new SchoolFacts(id, schoolNames.get(id), day.map(TimeSpan::start).orElse(null),
                    day.map(TimeSpan::end).orElse(null));
        }).toList();

        ProviderFacts provider = new ProviderFacts(providerId, staff.map(Staff::displayName).orElse(null),
                staff.map(st -> st.discipline).orElse(null), staff.map(st -> Set.copyOf(st.schoolIds)).orElse(Set.of()),
                facts.availability(providerId), facts.travel(providerId), facts.maxSessionsPerDay(providerId));
        return new CaseloadSnapshot(providerId, from, to, provider, schools, studentFacts, seriesFacts,
                facts.policy());
    }

    private static List<SessionSeries> seriesOfProvider(UUID providerId, LocalDate from, LocalDate to) {
        return SessionSeries.<SessionSeries>list("providerId = ?1 and effectiveFrom <= ?2 and effectiveTo >= ?3",
                        providerId, to, from).stream()
                .filter(s -> !s.cancelledEntirely() && !s.lastDay().isBefore(from)).toList();
    }

    /** The series as facts, naming only the students in {@code named} (the others' time is still taken). */
    private static SeriesFacts facts(SessionSeries s, Set<UUID> named) {
        Map<UUID, UUID> students = new LinkedHashMap<>();
        s.activeMembers().stream().filter(m -> named.contains(m.studentId()))
                .forEach(m -> students.put(m.studentId(), m.mandateId()));
        return new SeriesFacts(s.id, s.providerId, s.schoolId, s.serviceType, s.setting, s.classId,
                s.activityBlockId, s.room, s.dayOfWeek, s.time(), s.effectiveFrom, s.lastDay(), students);
    }
}
