package org.iepservices.schedule.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.rest.Paging;
import org.iepservices.schedule.api.SeriesDtos.CancelSeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.CheckResponse;
import org.iepservices.schedule.api.SeriesDtos.OccurrenceResponse;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.SeriesResponse;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.SeriesService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/session-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class SessionSeriesResource {

    private final SeriesService series;

    SessionSeriesResource(SeriesService series) {
        this.series = series;
    }

    @POST
    @Operation(summary = "Schedule a recurring session",
            description = "A weekly session of one provider with one or more students, each under one of their "
                    + "mandates: PUSH_IN joins a class activity block, PULL_OUT goes to a room. Occurrences are "
                    + "generated on the school's instructional days. Conflicts are checked first: hard ones refuse "
                    + "the series with 409 (problem+json listing `conflicts`) unless `override.reason` accepts them; "
                    + "soft ones come back in `conflicts`. Publishes SessionSeriesScheduled per student. Send an "
                    + "Idempotency-Key so a retried request returns the first series instead of a second one.")
    @APIResponse(responseCode = "201", description = "Scheduled; `conflicts` lists soft (and overridden) conflicts")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "409", description = "Hard conflicts and no override")
    public Response create(@Valid @NotNull SeriesRequest request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        SeriesService.Result result = series.create(request, idempotencyKey);
        SessionSeries s = result.series();
        SeriesResponse body = SeriesResponse.of(s, series.scheduledCount(s.id), result.conflicts());
        return Response.status(result.replayed() ? 200 : 201)
                .location(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .tag(Long.toString(s.version)).entity(body).build();
    }

    @POST
    @Path("/check")
    @Operation(summary = "Dry run: the conflicts a series would meet",
            description = "Validates like a create (400/422) and returns every conflict without writing anything. "
                    + "With seriesId, checks the body as an update of that series (the series itself is left out).")
    public CheckResponse check(@Valid @NotNull SeriesRequest request, @QueryParam("seriesId") UUID seriesId) {
        return CheckResponse.of(series.check(request, seriesId));
    }

    @GET
    @Operation(summary = "List series", description = "Filter by provider, school, student, class, and activeOn "
            + "(running on that date). Paged with limit/offset, X-Total-Count and Link.")
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("studentId") UUID studentId, @QueryParam("classId") UUID classId,
                         @QueryParam("activeOn") LocalDate activeOn,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        long total = series.count(providerId, schoolId, studentId, classId, activeOn);
        List<SessionSeries> found = series.list(providerId, schoolId, studentId, classId, activeOn, limit, offset);
        Map<UUID, Integer> counts = series.scheduledCounts(found.stream().map(s -> s.id).toList());
        List<SeriesResponse> items = found.stream()
                .map(s -> SeriesResponse.of(s, counts.getOrDefault(s.id, 0), List.of())).toList();
        return Paging.page(items, total, limit, offset, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a series, with the conflicts it has now")
    public Response get(@PathParam("id") UUID id) {
        SessionSeries s = series.get(id);
        return Response.ok(SeriesResponse.of(s, series.scheduledCount(id), series.currentConflicts(s)))
                .tag(Long.toString(s.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a series from a date on",
            description = "The body replaces the definition from `changeFrom` (default today): earlier occurrences "
                    + "stay as they were, later ones are regenerated (ids, cancellations and moves kept where the "
                    + "date still fits). Conflict-checked like a create (409 unless override). Students staying get "
                    + "SessionSeriesChanged, new ones SessionSeriesScheduled, removed ones SessionSeriesCancelled. "
                    + "If-Match (412).")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull SeriesRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SeriesService.Result result = series.update(id, request, IfMatch.version(ifMatch));
        SessionSeries s = result.series();
        return Response.ok(SeriesResponse.of(s, series.scheduledCount(id), result.conflicts()))
                .tag(Long.toString(s.version)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "End a series from a date",
            description = "Occurrences on and after effectiveFrom are dropped; each student gets "
                    + "SessionSeriesCancelled. 409 when already cancelled. If-Match (412).")
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelSeriesRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SessionSeries s = series.cancel(id, request, IfMatch.version(ifMatch));
        return Response.ok(SeriesResponse.of(s, series.scheduledCount(id), List.of()))
                .tag(Long.toString(s.version)).build();
    }

    @GET
    @Path("/{id}/occurrences")
    @Operation(summary = "The series' occurrences between two dates (default: all), cancelled ones included")
    public List<OccurrenceResponse> occurrences(@PathParam("id") UUID id, @QueryParam("from") LocalDate from,
                                                @QueryParam("to") LocalDate to) {
        SessionSeries s = series.get(id);
        return series.occurrences(id, from == null ? s.effectiveFrom : from, to == null ? s.effectiveTo.plusYears(1) : to)
                .stream().map(o -> OccurrenceResponse.of(o, null)).toList();
    }
}
