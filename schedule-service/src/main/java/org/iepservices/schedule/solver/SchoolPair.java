package org.iepservices.schedule.solver;

import java.util.UUID;

/** Two schools, in no particular order: travel time is the same both ways. */
public record SchoolPair(UUID first, UUID second) {

    public static SchoolPair of(UUID a, UUID b) {
        return a.compareTo(b) <= 0 ? new SchoolPair(a, b) : new SchoolPair(b, a);
    }
}
