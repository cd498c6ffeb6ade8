package org.iepservices.schedule.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalTime;

@Embeddable
public record BellPeriod(String name, @Column(name = "start_time") LocalTime startTime,
                         @Column(name = "end_time") LocalTime endTime) {
}
