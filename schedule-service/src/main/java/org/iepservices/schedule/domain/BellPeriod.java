package org.iepservices.schedule.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.LocalTime;

/** A period of the school day; {@code instructional} is false for lunch, recess and the like. */
@Embeddable
public record BellPeriod(String name, @Column(name = "start_time") LocalTime startTime,
                         @Column(name = "end_time") LocalTime endTime, boolean instructional) {

    public int minutes() {
        return (int) Duration.between(startTime, endTime).toMinutes();
    }
}
