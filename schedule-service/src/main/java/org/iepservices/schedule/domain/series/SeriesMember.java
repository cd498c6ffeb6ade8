package org.iepservices.schedule.domain.series;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A student of a series, served under {@code mandateId}, from {@code joinedFrom} until the day
 * before {@code leftFrom} (null: still in the group). When the IEP changed while they were in the
 * group, {@code mandateId} is the continuing mandate from {@code mandateFrom} on and
 * {@code previousMandateId} the one served before it.
 */
@Embeddable
public record SeriesMember(@Column(name = "student_id") UUID studentId,
                           @Column(name = "mandate_id") UUID mandateId,
                           @Column(name = "joined_from") LocalDate joinedFrom,
                           @Column(name = "left_from") LocalDate leftFrom,
                           @Column(name = "previous_mandate_id") UUID previousMandateId,
                           @Column(name = "mandate_from") LocalDate mandateFrom) {

    public SeriesMember(UUID studentId, UUID mandateId, LocalDate joinedFrom, LocalDate leftFrom) {
        this(studentId, mandateId, joinedFrom, leftFrom, null, null);
    }

    public boolean active() {
        return leftFrom == null;
    }

    public boolean memberOn(LocalDate date) {
        return !date.isBefore(joinedFrom) && (leftFrom == null || date.isBefore(leftFrom));
    }

    public SeriesMember leaving(LocalDate from) {
        return new SeriesMember(studentId, mandateId, joinedFrom, from.isBefore(joinedFrom) ? joinedFrom : from,
                previousMandateId, mandateFrom);
    }

    /** The mandate an occurrence on {@code date} serves. */
    public UUID mandateOn(LocalDate date) {
        return previousMandateId != null && mandateFrom != null && date.isBefore(mandateFrom)
                ? previousMandateId : mandateId;
    }

    /**
     * Served under {@code next} from {@code from} on (the day the amendment takes effect); the
     * mandate served until then is kept for the earlier occurrences. From before they joined, the
     * new mandate simply replaces the old one.
     */
    public SeriesMember servedUnder(UUID next, LocalDate from) {
        if (!from.isAfter(joinedFrom)) {
            return new SeriesMember(studentId, next, joinedFrom, leftFrom, null, null);
        }
        return new SeriesMember(studentId, next, joinedFrom, leftFrom, mandateId, from);
    }
}
