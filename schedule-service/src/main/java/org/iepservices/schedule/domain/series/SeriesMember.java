package org.iepservices.schedule.domain.series;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A student of a series, served under {@code mandateId}, from {@code joinedFrom} until the day
 * before {@code leftFrom} (null: still in the group).
 */
@Embeddable
public record SeriesMember(@Column(name = "student_id") UUID studentId,
                           @Column(name = "mandate_id") UUID mandateId,
                           @Column(name = "joined_from") LocalDate joinedFrom,
                           @Column(name = "left_from") LocalDate leftFrom) {

    public boolean active() {
        return leftFrom == null;
    }

    public boolean memberOn(LocalDate date) {
        return !date.isBefore(joinedFrom) && (leftFrom == null || date.isBefore(leftFrom));
    }

    public SeriesMember leaving(LocalDate from) {
        return new SeriesMember(studentId, mandateId, joinedFrom, from.isBefore(joinedFrom) ? joinedFrom : from);
    }
}
