package org.iepservices.reporting.service;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the facts written in the current transaction require recomputing, per student, done once
 * by {@link ComplianceProjector#flush()} before the transaction commits: a batch of forty events
 * of one student costs one recompute, not forty.
 */
@TransactionScoped
public class PendingRecomputes implements Serializable {

    /** One student's pending work. */
    static final class Work {
        boolean everything;
        boolean allSeries;
        final Set<UUID> series = new HashSet<>();
        final Set<UUID> services = new HashSet<>();
        final Set<UUID> mandates = new HashSet<>();
        final Set<LocalDate> dates = new HashSet<>();
    }

    private final Map<UUID, Work> byStudent = new TreeMap<>();

    Work of(UUID student) {
        return byStudent.computeIfAbsent(student, k -> new Work());
    }

    /** Hands the pending work over (sorted by student: locks are always taken in that order). */
    Map<UUID, Work> drain() {
        Map<UUID, Work> copy = new TreeMap<>(byStudent);
        byStudent.clear();
        return copy;
    }
}
