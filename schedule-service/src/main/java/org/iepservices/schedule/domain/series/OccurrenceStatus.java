package org.iepservices.schedule.domain.series;

public enum OccurrenceStatus {
    SCHEDULED,
    CANCELLED
}
