package org.iepservices.schedule.domain.scheduling;

import java.time.DayOfWeek;
import java.util.UUID;

/** A time a provider is available at a school on a weekday. */
public record ProviderWindow(UUID schoolId, DayOfWeek day, TimeSpan time) {
}
