package org.iepservices.session.service;

import org.iepservices.session.domain.MandateWindow;
import org.iepservices.session.domain.copy.KnownIep;
import org.iepservices.session.domain.copy.KnownMandate;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The mandate a scheduled occurrence serves on its date. Series are scheduled for the mandate in
 * force when they were planned; after an amendment or a new IEP version the occurrences from its
 * effective date serve the mandate that continues it ({@code continuesMandateId}, possibly over
 * several versions). Schedule copies may still name the superseded mandate, so a log or a miss for
 * such an occurrence credits the continuing mandate in force on the date instead of being refused.
 */
public final class ContinuingMandates {

    /** Amendment chains are short; the bound only guards against a cycle in bad data. */
    private static final int MAX_VERSIONS = 50;

    private ContinuingMandates() {
    }

    /** The days the mandate is in force, from its own dates and its IEP version's. */
    public static Optional<MandateWindow> window(KnownMandate mandate) {
        KnownIep iep = KnownIep.findById(mandate.iepId);
        return iep == null ? Optional.empty() : MandateWindow.of(mandate.startDate, mandate.endDate,
                iep.effectiveFrom, iep.endDate, iep.supersededFrom, iep.endedOn);
    }

    /**
     * {@code mandateId} when it is in force on {@code date} (or unknown: the reference checks report
     * it), else the first mandate continuing it that is in force then; {@code mandateId} again when
     * none is (the checks then say why it is not in force).
     */
    public static UUID inForceOn(UUID mandateId, LocalDate date) {
        if (mandateId == null || date == null) {
            return mandateId;
        }
        KnownMandate start = KnownMandate.findById(mandateId);
        if (start == null || inForce(start, date)) {
            return mandateId;
        }
        Deque<UUID> next = new ArrayDeque<>(List.of(mandateId));
        Set<UUID> seen = new HashSet<>(next);
        while (!next.isEmpty() && seen.size() < MAX_VERSIONS) {
            List<KnownMandate> successors = KnownMandate.list("continuesMandateId = ?1 and studentId = ?2",
                    next.poll(), start.studentId);
            for (KnownMandate successor : successors) {
                if (inForce(successor, date)) {
                    return successor.mandateId;
                }
                if (seen.add(successor.mandateId)) {
                    next.add(successor.mandateId);
                }
            }
        }
        return mandateId;
    }

    private static boolean inForce(KnownMandate mandate, LocalDate date) {
        return window(mandate).map(w -> w.covers(date)).orElse(false);
    }
}
