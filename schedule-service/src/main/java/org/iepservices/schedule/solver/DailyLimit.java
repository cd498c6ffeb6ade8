package org.iepservices.schedule.solver;

/** The most sessions the provider takes on one day (provider limits); a problem fact when there is one. */
public record DailyLimit(int maxSessionsPerDay) {
}
