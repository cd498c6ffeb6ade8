package org.iepservices.session.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.ScheduledOccurrence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known records")
public class ProviderRecordsResource {

    private final ZoneId districtZone;

    ProviderRecordsResource(@ConfigProperty(name = "district.time-zone") String districtZone) {
        this.districtZone = ZoneId.of(districtZone);
    }

    @GET
    @Path("/providers/{providerId}")
    @Operation(summary = "A provider as session-service knows them",
            description = "Discipline and credentials from StaffUpserted; 404 until it has arrived.")
    public CopyViews.Provider provider(@PathParam("providerId") UUID providerId) {
        return KnownStaff.<KnownStaff>findByIdOptional(providerId).map(CopyViews.Provider::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Provider " + providerId + " has not been received from roster.events (yet)"));
    }

    @GET
    @Path("/providers/{providerId}/occurrences")
    @Operation(summary = "A provider's scheduled occurrences",
            description = "What the provider has scheduled in a date range (default: today), each occurrence with "
                    + "its students: the list a provider documents from.")
    public List<CopyViews.Occurrence> occurrences(@PathParam("providerId") UUID providerId,
                                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate start = from != null ? from : LocalDate.now(districtZone);
        LocalDate end = to != null ? to : start;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list(
                "providerId = ?1 and date >= ?2 and date <= ?3 order by date, startTime, key.occurrenceId, key.studentId",
                providerId, start, end);
        Map<UUID, List<ScheduledOccurrence>> byOccurrence = new LinkedHashMap<>();
        rows.forEach(r -> byOccurrence.computeIfAbsent(r.key.occurrenceId(), id -> new java.util.ArrayList<>()).add(r));
        return byOccurrence.values().stream().map(CopyViews.Occurrence::of).toList();
    }

    @GET
    @Path("/occurrences/{occurrenceId}")
    @Operation(summary = "A scheduled occurrence",
            description = "Time, setting, class and the students scheduled (SCHEDULED or CANCELLED), from "
                    + "schedule.events; 404 until it has arrived.")
    public CopyViews.Occurrence occurrence(@PathParam("occurrenceId") UUID occurrenceId) {
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list("key.occurrenceId = ?1 order by key.studentId",
                occurrenceId);
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Occurrence " + occurrenceId + " has not been received from schedule.events (yet)");
        }
        return CopyViews.Occurrence.of(rows);
    }

    @GET
    @Path("/schools/{schoolId}")
    @Operation(summary = "A school as session-service knows it",
            description = "Name and district (whose makeup policy applies) from SchoolUpserted; 404 until it has "
                    + "arrived.")
    public CopyViews.School school(@PathParam("schoolId") UUID schoolId) {
        return KnownSchool.<KnownSchool>findByIdOptional(schoolId).map(CopyViews.School::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "School " + schoolId + " has not been received from roster.events (yet)"));
    }
}
