package org.iepservices.session.domain;

import java.util.Optional;

/**
 * What a cancelled occurrence means as a miss. schedule-service names the reason it was cancelled
 * for (SCHOOL_CLOSED, PROVIDER_UNAVAILABLE, STUDENT_UNAVAILABLE, OTHER; other producers use the miss
 * reasons themselves, e.g. PROVIDER_ABSENT, SCHOOL_EVENT); session-service decides the miss reason,
 * and the district policy whether it is owed. A series cancelled as a whole is no miss: the
 * sessions are no longer planned, not missed.
 */
public final class CancellationMiss {

    public static final String SCHOOL_CLOSED = "SCHOOL_CLOSED";
    public static final String SERIES_CANCELLED = "SERIES_CANCELLED";

    private CancellationMiss() {
    }

    public static Optional<MissReason> reasonOf(String cancelReason) {
        if (cancelReason == null || cancelReason.isBlank() || SERIES_CANCELLED.equals(cancelReason)) {
            return Optional.empty();
        }
        String reason = cancelReason.trim().toUpperCase(java.util.Locale.ROOT);
        return Optional.of(switch (reason) {
            case "PROVIDER_UNAVAILABLE", "PROVIDER_ABSENT" -> MissReason.PROVIDER_ABSENT;
            case "STUDENT_ABSENT" -> MissReason.STUDENT_ABSENT;
            case "STUDENT_UNAVAILABLE" -> MissReason.STUDENT_UNAVAILABLE;
            case "PROVIDER_REASSIGNED" -> MissReason.PROVIDER_REASSIGNED;
            case "SCHOOL_CLOSED", "CLOSURE" -> MissReason.SCHOOL_CLOSED;
            case "SCHOOL_EVENT" -> MissReason.SCHOOL_EVENT;
            case "SCHEDULING_ERROR" -> MissReason.SCHEDULING_ERROR;
            default -> MissReason.OTHER;
        });
    }

    /** The miss's note: the canceller's note, or the reason it was cancelled for (OTHER needs a note). */
    public static String note(String cancelReason, String cancelNote) {
        String cancelled = "occurrence cancelled (" + cancelReason + ")";
        return cancelNote == null || cancelNote.isBlank() ? cancelled : cancelled + ": " + cancelNote;
    }
}
