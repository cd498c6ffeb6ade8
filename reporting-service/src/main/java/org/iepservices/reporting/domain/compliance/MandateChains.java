package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a student's mandates as the IEP versions state them into services: when each version
 * really stops (its own end, the next IEP version's effective date, an IepEnded, the student
 * leaving), and which versions are one service ({@code continuesMandateId}), so that a period in
 * which an amendment takes effect is judged once, on both versions' prorated minutes together.
 *
 * <p>Everything is derived from all facts at once, so the result does not depend on the order the
 * events arrived in.
 */
public final class MandateChains {

    /** A mandate as an IEP version states it. */
    public record StatedMandate(UUID mandateId, UUID iepId, UUID continuesMandateId, String serviceType,
                                int sessionsPerInterval, int minutesPerSession, String interval, int pushInSessions,
                                int pullOutSessions, LocalDate startDate, LocalDate statedEndDate, UUID providerId,
                                OffsetDateTime eventTime) {
    }

    /** An IEP version: from {@code effectiveFrom} it replaces {@code supersedesIepId}. */
    public record IepVersion(UUID iepId, UUID supersedesIepId, LocalDate effectiveFrom) {
    }

    /** One mandate version with the date it really stops being in force. */
    public record Version(StatedMandate stated, MandateTerms terms) {
        public UUID mandateId() {
            return stated.mandateId();
        }
    }

    /** One service: its versions in order of start date; {@code chainId} is the first version's id. */
    public record Chain(UUID chainId, MandateTerms.Interval interval, List<Version> versions) {

        public List<UUID> mandateIds() {
            return versions.stream().map(Version::mandateId).toList();
        }

        public LocalDate start() {
            return versions.stream().map(v -> v.terms().startDate()).min(Comparator.naturalOrder()).orElseThrow();
        }

        public LocalDate end() {
            return versions.stream().map(v -> v.terms().endDate()).max(Comparator.naturalOrder()).orElseThrow();
        }

        public boolean inForce() {
            return versions.stream().anyMatch(v -> v.terms().inForce());
        }
    }

    private MandateChains() {
    }

    /**
     * @param endings      IEP id to the day it ended (IepEnded); its mandates end that day
     * @param deactivatedOn the day the student left the roster, or null; nothing is owed from that day
     */
    public static List<Chain> build(List<StatedMandate> mandates, List<IepVersion> ieps, Map<UUID, LocalDate> endings,
                                    LocalDate deactivatedOn) {
        Map<UUID, LocalDate> supersededFrom = new HashMap<>();
        for (IepVersion iep : ieps) {
            if (iep.supersedesIepId() != null) {
                supersededFrom.merge(iep.supersedesIepId(), iep.effectiveFrom(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<UUID, Version> versions = new LinkedHashMap<>();
        mandates.stream()
                .sorted(Comparator.comparing(StatedMandate::startDate).thenComparing(StatedMandate::mandateId))
                .forEach(m -> versions.put(m.mandateId(), new Version(m, terms(m,
                        effectiveEnd(m, supersededFrom.get(m.iepId()), endings.get(m.iepId()), deactivatedOn)))));

        // Link each version to the one it continues, when that one is known and counts in the same interval.
        Map<UUID, UUID> predecessor = new HashMap<>();
        Set<UUID> continued = new HashSet<>();
        for (Version v : versions.values()) {
            UUID previous = v.stated().continuesMandateId();
            Version before = previous == null ? null : versions.get(previous);
            if (before != null && !previous.equals(v.mandateId()) && before.terms().interval() == v.terms().interval()
                    && v.terms().interval() != MandateTerms.Interval.IEP_TERM && continued.add(previous)) {
                predecessor.put(v.mandateId(), previous);
            }
        }
        Map<UUID, List<Version>> byRoot = new LinkedHashMap<>();
        for (Version v : versions.values()) {
            byRoot.computeIfAbsent(root(v.mandateId(), predecessor), id -> new ArrayList<>()).add(v);
        }
        List<Chain> chains = new ArrayList<>();
        byRoot.forEach((root, members) -> chains.add(new Chain(root, members.get(0).terms().interval(),
                List.copyOf(members))));
        return chains;
    }

    private static UUID root(UUID id, Map<UUID, UUID> predecessor) {
        UUID current = id;
        Set<UUID> seen = new HashSet<>();
        while (predecessor.containsKey(current) && seen.add(current)) {
            current = predecessor.get(current);
        }
        return current;
    }

    static LocalDate effectiveEnd(StatedMandate m, LocalDate supersededFrom, LocalDate endedOn, LocalDate deactivatedOn) {
        LocalDate end = m.statedEndDate();
        if (supersededFrom != null) {
            end = min(end, supersededFrom.minusDays(1));
        }
        if (endedOn != null) {
            end = min(end, endedOn);
        }
        if (deactivatedOn != null) {
            end = min(end, deactivatedOn.minusDays(1));
        }
        return end;
    }

    private static MandateTerms terms(StatedMandate m, LocalDate effectiveEnd) {
        return new MandateTerms(m.mandateId(), m.serviceType(), m.minutesPerSession(),
                MandateTerms.interval(m.interval()), m.pushInSessions(), m.pullOutSessions(), m.startDate(),
                effectiveEnd, m.statedEndDate());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
