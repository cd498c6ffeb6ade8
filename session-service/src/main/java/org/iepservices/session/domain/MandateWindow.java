package org.iepservices.session.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The days a mandate is in force: inside its own start/end, from its IEP version's effective date,
 * before a later version supersedes it, and up to the day the IEP ended early. Open ends are null.
 */
public record MandateWindow(LocalDate from, LocalDate to) {

    /**
     * @param iepEffectiveFrom null while the IEP version itself has not been received: nothing in force
     * @param supersededFrom   a later version takes over on this date (exclusive end)
     * @param endedOn          IepEnded: last day in force (inclusive)
     * @return empty when no day is in force
     */
    public static Optional<MandateWindow> of(LocalDate mandateStart, LocalDate mandateEnd, LocalDate iepEffectiveFrom,
                                             LocalDate iepEnd, LocalDate supersededFrom, LocalDate endedOn) {
        if (iepEffectiveFrom == null) {
            return Optional.empty();
        }
        LocalDate from = later(mandateStart, iepEffectiveFrom);
        LocalDate to = earlier(mandateEnd, iepEnd);
        to = earlier(to, supersededFrom == null ? null : supersededFrom.minusDays(1));
        to = earlier(to, endedOn);
        if (to != null && to.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(new MandateWindow(from, to));
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    @Override
    public String toString() {
        return from + " to " + (to == null ? "open end" : to.toString());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
