package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;

/** A goal data point reduced to what the trend and status rules use: its date and its value. */
public record Measurement(LocalDate date, double value) {
}
