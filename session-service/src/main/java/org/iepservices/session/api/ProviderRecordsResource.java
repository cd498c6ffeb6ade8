package org.iepservices.session.api;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.rest.Paging;
import org.iepservices.session.domain.DocumentationStatus;
import org.iepservices.session.service.Worklist;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.iepservices.session.service.CallerAccess;

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
    private final CallerAccess access;
    private final AccessAudit audit;

    private final Worklist worklist;

    ProviderRecordsResource(@ConfigProperty(name = "district.time-zone") String districtZone, CallerAccess access,
                            AccessAudit audit, Worklist worklist) {
        this.worklist = worklist;
        this.districtZone = ZoneId.of(districtZone);
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/providers/{providerId}")
    @Operation(summary = "A provider as session-service knows them",
            description = "Discipline and credentials from StaffUpserted; 404 until it has arrived. Staff directory: "
                    + "readable by every role but the SIS integration.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.TEACHER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public CopyViews.Provider provider(@PathParam("providerId") UUID providerId) {
        return KnownStaff.<KnownStaff>findByIdOptional(providerId).map(CopyViews.Provider::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Provider " + providerId + " has not been received from roster.events (yet)"));
    }

    @GET
    @Path("/providers/{providerId}/occurrences")
    @Operation(summary = "A provider's scheduled occurrences: the worklist",
            description = "What the provider has scheduled in a date range (default: today), each occurrence with "
                    + "its students and its documentationStatus: DOCUMENTED (a signed log), MISSED (a miss, by a "
                    + "person or the system) or UNDOCUMENTED once over, SCHEDULED before (CANCELLED: withdrawn "
                    + "without a miss). status=UNDOCUMENTED gives the provider's worklist. Oldest first, paged with "
                    + "limit/offset, X-Total-Count and Link. Only the students the caller may see are listed, and "
                    + "only occurrences with at least one of them.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response occurrences(@PathParam("providerId") UUID providerId,
                                @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                @QueryParam("status") DocumentationStatus status,
                                @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                                @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                @Context UriInfo uri) {
        return occurrencePage("providerId = :owner", providerId, "provider-schedule", from, to, status, limit,
                offset, uri);
    }

    @GET
    @Path("/schools/{schoolId}/occurrences")
    @Operation(summary = "A school's scheduled occurrences: the admins' worklist",
            description = "Every provider's occurrences at the school in a date range (default: today), with the "
                    + "same documentationStatus and status filter as a provider's (status=UNDOCUMENTED: what is "
                    + "still to be documented at the school). Paged with limit/offset and X-Total-Count. School "
                    + "admins see their schools' students, district admins their district's.")
    @RolesAllowed({Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response schoolOccurrences(@PathParam("schoolId") UUID schoolId,
                                      @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                      @QueryParam("status") DocumentationStatus status,
                                      @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                                      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                      @Context UriInfo uri) {
        return occurrencePage("schoolId = :owner", schoolId, "school-schedule", from, to, status, limit, offset,
                uri);
    }

    private Response occurrencePage(String owner, UUID ownerId, String auditResource, LocalDate from, LocalDate to,
                                    DocumentationStatus status, int limit, int offset, UriInfo uri) {
        LocalDate start = from != null ? from : LocalDate.now(districtZone);
        LocalDate end = to != null ? to : start;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list(
                owner + " and date >= :from and date <= :to and "
                        + access.students().condition("key.studentId")
                        + " order by date, startTime, key.occurrenceId, key.studentId",
                access.students().bind(Parameters.with("owner", ownerId).and("from", start).and("to", end)));
        Map<UUID, List<ScheduledOccurrence>> byOccurrence = new LinkedHashMap<>();
        rows.forEach(r -> byOccurrence.computeIfAbsent(r.key.occurrenceId(), id -> new java.util.ArrayList<>()).add(r));
        Worklist.Documentation documentation = worklist.of(byOccurrence.keySet());
        List<CopyViews.Occurrence> occurrences = byOccurrence.values().stream()
                .map(r -> CopyViews.Occurrence.of(r, documentation))
                .filter(o -> status == null || o.documentationStatus() == status)
                .toList();
        List<CopyViews.Occurrence> page = occurrences.subList(Math.min(offset, occurrences.size()),
                Math.min(offset + limit, occurrences.size()));
        List<UUID> students = CopyViews.studentsOf(page);
        if (!students.isEmpty()) {
            audit.read(auditResource, ownerId, students);
        }
        return Paging.page(page, occurrences.size(), limit, offset, uri);
    }

    @GET
    @Path("/occurrences/{occurrenceId}")
    @Operation(summary = "A scheduled occurrence",
            description = "Time, setting, class and the students scheduled (SCHEDULED or CANCELLED), from "
                    + "schedule.events; 404 until it has arrived. Lists only the students the caller may see; "
                    + "an occurrence with none of them is a 404.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public CopyViews.Occurrence occurrence(@PathParam("occurrenceId") UUID occurrenceId) {
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list("key.occurrenceId = :occurrence and "
                        + access.students().condition("key.studentId") + " order by key.studentId",
                access.students().bind(Parameters.with("occurrence", occurrenceId)));
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Occurrence " + occurrenceId + " has not been received from schedule.events (yet), or is not yours to see");
        }
        CopyViews.Occurrence occurrence = CopyViews.Occurrence.of(rows, worklist.of(List.of(occurrenceId)));
        audit.read("occurrence", occurrenceId, CopyViews.studentsOf(List.of(occurrence)));
        return occurrence;
    }

    @GET
    @Path("/schools/{schoolId}")
    @Operation(summary = "A school as session-service knows it",
            description = "Name and district (whose makeup policy applies) from SchoolUpserted; 404 until it has "
                    + "arrived. Readable by every role but the SIS integration.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.TEACHER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public CopyViews.School school(@PathParam("schoolId") UUID schoolId) {
        return KnownSchool.<KnownSchool>findByIdOptional(schoolId).map(CopyViews.School::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "School " + schoolId + " has not been received from roster.events (yet)"));
    }
}
