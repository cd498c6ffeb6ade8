package org.iepservices.schedule.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.api.AvailabilityDtos.LimitsRequest;
import org.iepservices.schedule.api.AvailabilityDtos.TravelTimeRequest;
import org.iepservices.schedule.api.AvailabilityDtos.WindowRequest;
import org.iepservices.schedule.domain.availability.AvailabilityWindow;
import org.iepservices.schedule.domain.availability.ProviderLimits;
import org.iepservices.schedule.domain.availability.TravelTime;
import org.iepservices.schedule.domain.availability.WeeklyWindows;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.scheduling.TravelTimes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When and where providers work: weekly availability windows per school (a provider is in one
 * place at a time, so windows of one provider never overlap on a day), travel times between
 * schools and the maximum sessions a day. Providers are staff of student-service, referenced by id.
 */
@ApplicationScoped
public class AvailabilityService {

    @Transactional
    public AvailabilityWindow addWindow(UUID providerId, WindowRequest request) {
        AvailabilityWindow window = new AvailabilityWindow();
        window.id = UUID.randomUUID();
        window.providerId = providerId;
        apply(window, request);
        window.persist();
        return window;
    }

    @Transactional
    public AvailabilityWindow updateWindow(UUID providerId, UUID id, WindowRequest request, Long expectedVersion) {
        AvailabilityWindow window = window(providerId, id);
        IfMatch.check("Availability window", id, expectedVersion, window.version);
        apply(window, request);
        window.flush();
        return window;
    }

    @Transactional
    public void deleteWindow(UUID providerId, UUID id) {
        window(providerId, id).delete();
    }

    public AvailabilityWindow window(UUID providerId, UUID id) {
        return AvailabilityWindow.<AvailabilityWindow>findByIdOptional(id).filter(w -> w.providerId.equals(providerId))
                .orElseThrow(() -> ProblemException.notFound("Availability window of provider " + providerId, id));
    }

    public List<AvailabilityWindow> windows(UUID providerId) {
        return AvailabilityWindow.list("providerId = ?1 order by dayOfWeek, startTime", providerId);
    }

    private void apply(AvailabilityWindow window, WindowRequest request) {
        List<WeeklyWindows.Existing> others = windows(window.providerId).stream()
                .map(w -> new WeeklyWindows.Existing(w.id, w.dayOfWeek, new TimeSpan(w.startTime, w.endTime),
                        "the window at school " + w.schoolId))
                .toList();
        List<Violation> violations = WeeklyWindows.check(request.dayOfWeek(), request.startTime(),
                request.endTime(), others, window.id);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The availability window does not fit the week",
                    violations);
        }
        window.schoolId = request.schoolId();
        window.dayOfWeek = request.dayOfWeek();
        window.startTime = request.startTime();
        window.endTime = request.endTime();
    }

    /** Sets the minutes between two schools (district default or one provider's); returns whether it was new. */
    @Transactional
    public Saved<TravelTime> putTravelTime(TravelTimeRequest request) {
        if (request.fromSchoolId().equals(request.toSchoolId())) {
            throw ProblemException.unprocessable("A trip needs two schools",
                    new Violation("toSchoolId", "must differ from fromSchoolId"));
        }
        TravelTimes.SchoolPair pair = TravelTimes.SchoolPair.of(request.fromSchoolId(), request.toSchoolId());
        Optional<TravelTime> existing = (request.providerId() == null
                ? TravelTime.find("providerId is null and schoolA = ?1 and schoolB = ?2", pair.first(), pair.second())
                : TravelTime.find("providerId = ?1 and schoolA = ?2 and schoolB = ?3", request.providerId(),
                pair.first(), pair.second())).firstResultOptional();
        TravelTime travel = existing.orElseGet(() -> {
            TravelTime created = new TravelTime();
            created.id = UUID.randomUUID();
            created.providerId = request.providerId();
            created.schoolA = pair.first();
            created.schoolB = pair.second();
            return created;
        });
        travel.minutes = request.minutes();
        travel.persist();
        return new Saved<>(travel, existing.isEmpty());
    }

    /** Travel times entered for a provider (with the district defaults) or a school, or all. */
    public List<TravelTime> travelTimes(UUID providerId, UUID schoolId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (providerId != null) {
            where.append(" and (providerId is null or providerId = :provider)");
            params.and("provider", providerId);
        }
        if (schoolId != null) {
            where.append(" and (schoolA = :school or schoolB = :school)");
            params.and("school", schoolId);
        }
        return TravelTime.list(where + " order by providerId nulls first, schoolA, schoolB", params);
    }

    @Transactional
    public void deleteTravelTime(UUID id) {
        TravelTime.<TravelTime>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Travel time", id))
                .delete();
    }

    public ProviderLimits limits(UUID providerId) {
        return ProviderLimits.<ProviderLimits>findByIdOptional(providerId).orElseGet(() -> {
            ProviderLimits none = new ProviderLimits();
            none.providerId = providerId;
            return none;
        });
    }

    @Transactional
    public ProviderLimits putLimits(UUID providerId, LimitsRequest request, Long expectedVersion) {
        Optional<ProviderLimits> existing = ProviderLimits.findByIdOptional(providerId);
        ProviderLimits limits = existing.orElseGet(() -> {
            ProviderLimits created = new ProviderLimits();
            created.providerId = providerId;
            return created;
        });
        if (existing.isPresent()) {
            IfMatch.check("Limits of provider", providerId, expectedVersion, limits.version);
        }
        limits.maxSessionsPerDay = request.maxSessionsPerDay();
        limits.persist();
        limits.flush();
        return limits;
    }

    /** A stored thing and whether this request created it. */
    public record Saved<T>(T value, boolean created) {
    }
}
