package org.iepservices.schedule.domain.conflict;

import org.iepservices.schedule.domain.EarlyRelease;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TravelTimes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the rules need to judge a {@link ProposedSession}, already loaded: the provider's
 * other sessions, each student's other sessions (any provider), the provider's availability,
 * travel times and daily maximum, the students' mandates, the classes they are enrolled in, the
 * activity blocks of those classes (and of the class pushed into), names for messages, policy, and the
 * school's early-release days in the period (those the session's own occurrence already skips left out).
 * The session being checked is never among the bookings.
 */
public record SchedulingFacts(List<Booking> providerBookings,
                              Map<UUID, List<Booking>> studentBookings,
                              List<ProviderWindow> availability,
                              TravelTimes travel,
                              Integer maxSessionsPerDay,
                              Map<UUID, MandateTerms> mandates,
                              Map<UUID, Set<UUID>> classesOfStudent,
                              Map<UUID, List<ClassBlock>> blocksOfClass,
                              Map<UUID, String> names,
                              ConflictPolicy policy,
                              List<EarlyRelease> earlyReleases) {

    /** Facts for a school without early-release days in the period. */
    public SchedulingFacts(List<Booking> providerBookings, Map<UUID, List<Booking>> studentBookings,
                           List<ProviderWindow> availability, TravelTimes travel, Integer maxSessionsPerDay,
                           Map<UUID, MandateTerms> mandates, Map<UUID, Set<UUID>> classesOfStudent,
                           Map<UUID, List<ClassBlock>> blocksOfClass, Map<UUID, String> names, ConflictPolicy policy) {
        this(providerBookings, studentBookings, availability, travel, maxSessionsPerDay, mandates, classesOfStudent,
                blocksOfClass, names, policy, List.of());
    }

    public SchedulingFacts {
        earlyReleases = List.copyOf(earlyReleases);
        providerBookings = List.copyOf(providerBookings);
        studentBookings = Map.copyOf(studentBookings);
        availability = List.copyOf(availability);
        mandates = Map.copyOf(mandates);
        classesOfStudent = Map.copyOf(classesOfStudent);
        blocksOfClass = Map.copyOf(blocksOfClass);
        names = Map.copyOf(names);
    }

    public List<Booking> bookingsOf(UUID studentId) {
        return studentBookings.getOrDefault(studentId, List.of());
    }

    public Set<UUID> classesOf(UUID studentId) {
        return classesOfStudent.getOrDefault(studentId, Set.of());
    }

    public List<ClassBlock> blocksOf(UUID classId) {
        return classId == null ? List.of() : blocksOfClass.getOrDefault(classId, List.of());
    }

    /** A readable name for an id (student, class, school), or the id itself. */
    public String name(UUID id) {
        String name = names.get(id);
        return name != null ? name : String.valueOf(id);
    }
}
