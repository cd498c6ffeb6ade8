package org.iepservices.schedule.domain.caseload;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.conflict.ConflictPolicy;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.scheduling.TravelTimes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A read-only picture of one provider's caseload over [from, to], in plain Java: what an
 * automatic scheduler or a recommendation needs, loaded once (see service.CaseloadQuery).
 *
 * @param students the students whose mandates the provider serves (assigned to the provider, or
 *                 already in one of the provider's series), with their mandates in force
 * @param series   the provider's series and every other series of those students (any provider),
 *                 so student double-booking can be avoided
 */
public record CaseloadSnapshot(UUID providerId, LocalDate from, LocalDate to, ProviderFacts provider,
                               List<SchoolFacts> schools, List<StudentFacts> students, List<SeriesFacts> series,
                               ConflictPolicy policy) {

    public record ProviderFacts(UUID providerId, String name, String discipline, Set<UUID> schoolIds,
                                List<ProviderWindow> availability, TravelTimes travel, Integer maxSessionsPerDay) {
    }

    /** A school's day by its default bell schedule (null times when it has none). */
    public record SchoolFacts(UUID schoolId, String name, LocalTime dayStart, LocalTime dayEnd) {
    }

    public record StudentFacts(UUID studentId, String name, String grade, UUID schoolId, String regulationSupport,
                               boolean needsQuietSetting, List<MandateTerms> mandates, List<GoalFacts> goals,
                               List<ClassFacts> classes) {
    }

    public record GoalFacts(UUID goalId, UUID iepId, String area, String description, String skillStage,
                            String serviceType) {
    }

    public record ClassFacts(UUID classId, String title, UUID schoolId, List<UUID> teacherIds,
                             List<ClassBlock> blocks) {
    }

    /** An existing series, with each student's mandate. */
    public record SeriesFacts(UUID seriesId, UUID providerId, UUID schoolId, String serviceType,
                              ServiceSetting setting, UUID classId, UUID activityBlockId, String room,
                              DayOfWeek day, TimeSpan time, LocalDate from, LocalDate to,
                              Map<UUID, UUID> students) {

        public Booking toBooking() {
            return new Booking(seriesId, null, schoolId, setting, day, time, from, to, Set.of(), students);
        }
    }
}
