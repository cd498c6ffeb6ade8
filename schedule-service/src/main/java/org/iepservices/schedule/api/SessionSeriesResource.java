package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.IfMatch;
import org.iepservices.rest.Paging;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.api.SeriesDtos.CancelSeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.CheckResponse;
import org.iepservices.schedule.api.SeriesDtos.OccurrenceResponse;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.SeriesResponse;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.CurrentConflicts;
import org.iepservices.schedule.service.SeriesEnding;
import org.iepservices.schedule.service.SeriesQuery;
import org.iepservices.schedule.service.SeriesService;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/session-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class SessionSeriesResource {

    private final SeriesService series;
    private final SeriesQuery query;
    private final CurrentConflicts conflicts;
    private final SeriesEnding ending;
    private final AccessScope scope;
    private final AccessAudit audit;

    SessionSeriesResource(SeriesService series, SeriesQuery query, CurrentConflicts conflicts, SeriesEnding ending,
                          AccessScope scope, AccessAudit audit) {
        this.series = series;
        this.query = query;
        this.conflicts = conflicts;
        this.ending = ending;
        this.scope = scope;
        this.audit = audit;
    }

    /** The series as the caller may see it: students outside their scope are not named. */
    private SeriesResponse view(SessionSeries s, int scheduled, List<org.iepservices.schedule.domain.conflict.Conflict>
            conflicts) {
        Set<UUID> named = scope.visible(SeriesQuery.studentsOf(s));
        return SeriesResponse.of(s, scheduled, conflicts, named::contains);
    }

    private static Set<UUID> students(Collection<SeriesResponse> shown) {
        Set<UUID> ids = new LinkedHashSet<>();
        shown.forEach(r -> r.students().forEach(m -> ids.add(m.studentId())));
        return ids;
    }

    @POST
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Schedule a recurring session",
            description = "A weekly session of one provider with one or more students, each under one of their "
                    + "mandates: PUSH_IN joins a class activity block, PULL_OUT goes to a room. Occurrences are "
                    + "generated on the school's instructional days. Conflicts are checked first: hard ones refuse "
                    + "the series with 409 (problem+json listing `conflicts`) unless `override.reason` accepts them; "
                    + "soft ones come back in `conflicts`. Publishes SessionSeriesScheduled per student. Send an "
                    + "Idempotency-Key so a retried request returns the first series instead of a second one. "
                    + "A provider schedules their own sessions (providerId = their staff id), a school admin at "
                    + "their schools; every student must be one the caller may see (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Scheduled; `conflicts` lists soft (and overridden) conflicts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeriesResponse.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeriesResponse.class)))
    @APIResponse(responseCode = "409", description = "Hard conflicts and no override")
    public Response create(@Valid @NotNull SeriesRequest request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        SeriesService.Result result = series.create(request, idempotencyKey);
        SessionSeries s = result.series();
        SeriesResponse body = view(s, query.scheduledCount(s.id), result.conflicts());
        return Response.status(result.replayed() ? 200 : 201)
                .location(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .tag(Long.toString(s.version)).entity(body).build();
    }

    @POST
    @Path("/check")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Dry run: the conflicts a series would meet",
            description = "Validates like a create (400/422) and returns every conflict without writing anything. "
                    + "With seriesId, checks the body as an update of that series (the series itself is left out).")
    public CheckResponse check(@Valid @NotNull SeriesRequest request, @QueryParam("seriesId") UUID seriesId) {
        return CheckResponse.of(series.check(request, seriesId));
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "List series", description = "Filter by provider, school, student, class, and activeOn "
            + "(running on that date). Only series with a student in the caller's scope (the count too); students "
            + "outside it are not named. Paged with limit/offset, X-Total-Count and Link.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count and Link headers",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = SeriesResponse.class)))
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("studentId") UUID studentId, @QueryParam("classId") UUID classId,
                         @QueryParam("activeOn") LocalDate activeOn,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        long total = query.count(providerId, schoolId, studentId, classId, activeOn);
        List<SessionSeries> found = query.list(providerId, schoolId, studentId, classId, activeOn, limit, offset);
        Map<UUID, Integer> counts = query.scheduledCounts(found.stream().map(s -> s.id).toList());
        Set<UUID> named = scope.visible(found.stream().flatMap(s -> SeriesQuery.studentsOf(s).stream()).toList());
        List<SeriesResponse> items = found.stream()
                .map(s -> SeriesResponse.of(s, counts.getOrDefault(s.id, 0), List.of(), named::contains)).toList();
        audit.read("session-series", null, students(items));
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Read a series, with the conflicts it has now",
            description = "404 unless one of its students is in the caller's scope.")
    @APIResponse(responseCode = "200", description = "The series with its current conflicts; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeriesResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        SessionSeries s = query.visible(id);
        SeriesResponse body = view(s, query.scheduledCount(id), conflicts.currentConflicts(s));
        audit.read("session-series", id, students(List.of(body)));
        return Response.ok(body).tag(Long.toString(s.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Change a series from a date on",
            description = "The body replaces the definition from `changeFrom` (default today): earlier occurrences "
                    + "stay as they were, later ones are regenerated (ids, cancellations and moves kept where the "
                    + "date still fits). Conflict-checked like a create (409 unless override). Students staying get "
                    + "SessionSeriesChanged, new ones SessionSeriesScheduled, removed ones SessionSeriesCancelled. "
                    + "If-Match (412).")
    @APIResponse(responseCode = "200", description = "Changed; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeriesResponse.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull SeriesRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SeriesService.Result result = series.update(id, request, IfMatch.version(ifMatch));
        SessionSeries s = result.series();
        return Response.ok(view(s, query.scheduledCount(id), result.conflicts()))
                .tag(Long.toString(s.version)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "End a series from a date",
            description = "Occurrences on and after effectiveFrom are dropped; each student gets "
                    + "SessionSeriesCancelled. 409 when already cancelled. If-Match (412).")
    @APIResponse(responseCode = "200", description = "Cancelled from the given date; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeriesResponse.class)))
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelSeriesRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SessionSeries s = ending.cancel(id, request, IfMatch.version(ifMatch));
        return Response.ok(view(s, query.scheduledCount(id), List.of()))
                .tag(Long.toString(s.version)).build();
    }

    @GET
    @Path("/{id}/occurrences")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The series' occurrences between two dates (default: all), cancelled ones included",
            description = "404 unless one of the series' students is in the caller's scope.")
    public List<OccurrenceResponse> occurrences(@PathParam("id") UUID id, @QueryParam("from") LocalDate from,
                                                @QueryParam("to") LocalDate to) {
        SessionSeries s = query.visible(id);
        List<OccurrenceResponse> found = query.occurrences(id, from == null ? s.effectiveFrom : from,
                to == null ? s.effectiveTo.plusYears(1) : to).stream().map(o -> OccurrenceResponse.of(o, null)).toList();
        audit.read("series-occurrences", id, scope.visible(SeriesQuery.studentsOf(s)));
        return found;
    }
}
