package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.api.ViewDtos.CaseloadCoverage;
import org.iepservices.schedule.api.ViewDtos.MandateCoverage;
import org.iepservices.schedule.api.ViewDtos.StudentCoverage;
import org.iepservices.schedule.config.ScheduleConfig;
import org.iepservices.schedule.domain.coverage.CoveragePeriod;
import org.iepservices.schedule.domain.coverage.CoverageStatus;
import org.iepservices.schedule.domain.coverage.CoverageWindow;
import org.iepservices.schedule.domain.coverage.SettingMinutes;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.domain.scheduling.MandateTerms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scheduled against mandated minutes, per student, mandate, period and setting, so holes show
 * before the week starts. Scheduled means an occurrence still on the calendar (not cancelled)
 * of a series serving the mandate, or the mandate it continues from an earlier IEP version,
 * within the mandate's dates and the student's time in the group.
 */
@ApplicationScoped
public class CoverageService {

    private final ScheduleConfig config;
    private final CaseloadQuery caseload;
    private final RosterQuery roster;

    CoverageService(ScheduleConfig config, CaseloadQuery caseload, RosterQuery roster) {
        this.config = config;
        this.caseload = caseload;
        this.roster = roster;
    }

    public StudentCoverage student(UUID studentId, LocalDate from, LocalDate to) {
        return student(studentId, from, to, m -> true, roster.names(List.of(studentId)).get(studentId));
    }

    /**
     * Coverage of every student the provider serves that the caller may see (found by a query on the
     * candidates), of the mandates the provider serves.
     */
    public CaseloadCoverage provider(UUID providerId, LocalDate from, LocalDate to, AccessScope scope) {
        Map<UUID, Set<UUID>> served = caseload.servedMandates(providerId, from, to);
        served.keySet().retainAll(scope.visible(served.keySet()));
        Map<UUID, String> names = roster.names(served.keySet());
        List<StudentCoverage> students = served.entrySet().stream()
                .map(e -> student(e.getKey(), from, to, m -> e.getValue().contains(m.id), names.get(e.getKey())))
                .filter(s -> !s.mandates().isEmpty())
                .sorted(Comparator.comparing((StudentCoverage s) -> -s.gap().total())
                        .thenComparing(s -> s.name() == null ? "" : s.name()))
                .toList();
        SettingMinutes gap = students.stream().map(StudentCoverage::gap).reduce(SettingMinutes.ZERO,
                SettingMinutes::plus);
        return new CaseloadCoverage(providerId, from, to, students.size(),
                (int) students.stream().filter(s -> s.gap().total() > 0).count(), gap, students);
    }

    private StudentCoverage student(UUID studentId, LocalDate from, LocalDate to, Predicate<Mandate> which,
                                    String name) {
        List<Mandate> all = Mandate.list("studentId", studentId);
        Map<UUID, Mandate> byId = all.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<Mandate> mandates = all.stream().filter(m -> m.inForceDuring(from, to) && which.test(m))
                .sorted(Comparator.comparing((Mandate m) -> m.serviceType).thenComparing(m -> m.startDate)).toList();
        List<SessionSeries> series = SessionSeries.list("select distinct s from SessionSeries s join s.members m"
                + " where m.studentId = ?1", studentId);
        List<MandateCoverage> coverage = new ArrayList<>();
        for (Mandate mandate : mandates) {
            MandateTerms terms = mandate.terms();
            List<CoveragePeriod> periods = CoveragePeriod.between(terms, from, to, config.weekStart());
            if (periods.isEmpty()) {
                continue;
            }
            Set<UUID> chain = chain(mandate, byId);
            List<Scheduled> scheduled = scheduled(studentId, series, chain, periods.get(0).start(),
                    periods.get(periods.size() - 1).end(), terms);
            List<CoverageWindow> windows = periods.stream().map(p -> CoverageWindow.evaluate(terms, p,
                    scheduled.stream().filter(s -> p.contains(s.date())).map(Scheduled::minutes)
                            .reduce(SettingMinutes.ZERO, SettingMinutes::plus))).toList();
            coverage.add(new MandateCoverage(mandate.id, mandate.iepId, mandate.serviceType, mandate.providerId,
                    terms.interval().name(), mandate.minutesPerSession, mandate.pushInSessions,
                    mandate.pullOutSessions, mandate.startDate, mandate.effectiveEnd,
                    sum(windows, CoverageWindow::mandated), sum(windows, CoverageWindow::scheduled),
                    sum(windows, CoverageWindow::gap),
                    (int) windows.stream().filter(w -> w.status() == CoverageStatus.GAP).count(), windows));
        }
        return new StudentCoverage(studentId, name, from, to, coverage.stream().map(MandateCoverage::gap)
                .reduce(SettingMinutes.ZERO, SettingMinutes::plus), coverage);
    }

    private record Scheduled(LocalDate date, SettingMinutes minutes) {
    }

    /** The student's scheduled minutes under the mandate chain in [from, to], within the mandate's dates. */
    private static List<Scheduled> scheduled(UUID studentId, List<SessionSeries> series, Set<UUID> chain,
                                             LocalDate from, LocalDate to, MandateTerms terms) {
        List<Scheduled> scheduled = new ArrayList<>();
        Map<UUID, SessionSeries> serving = series.stream()
                .filter(s -> s.member(studentId).map(m -> chain.contains(m.mandateId())).orElse(false))
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        if (serving.isEmpty()) {
            return scheduled;
        }
        LocalDate start = from.isBefore(terms.startDate()) ? terms.startDate() : from;
        LocalDate end = to.isAfter(terms.endDate()) ? terms.endDate() : to;
        for (SessionOccurrence o : SessionOccurrence.<SessionOccurrence>list("seriesId in ?1 and status = ?2"
                + " and date >= ?3 and date <= ?4", serving.keySet(), OccurrenceStatus.SCHEDULED, start, end)) {
            SessionSeries s = serving.get(o.seriesId);
            SeriesMember member = s.member(studentId).orElseThrow();
            if (member.memberOn(o.originalDate)) {
                scheduled.add(new Scheduled(o.date, SettingMinutes.of(s.setting, o.minutes)));
            }
        }
        return scheduled;
    }

    /** The mandate and the ones it continues (earlier IEP versions of the same service). */
    private static Set<UUID> chain(Mandate mandate, Map<UUID, Mandate> byId) {
        Set<UUID> chain = new HashSet<>();
        Mandate m = mandate;
        while (m != null && chain.add(m.id)) {
            m = m.continuesMandateId == null ? null : byId.get(m.continuesMandateId);
        }
        if (mandate.continuesMandateId != null) {
            chain.add(mandate.continuesMandateId); // even if that version never reached us
        }
        return chain;
    }

    private static SettingMinutes sum(List<CoverageWindow> windows, Function<CoverageWindow, SettingMinutes> part) {
        return windows.stream().map(part).reduce(SettingMinutes.ZERO, SettingMinutes::plus);
    }
}
