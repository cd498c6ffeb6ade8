package org.iepservices.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Role;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.service.AccessTrailService;
import org.iepservices.rest.Paging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/audit/access")
@Tag(name = "Access audit", description = "The FERPA access trail: who read, changed or exported which students' "
        + "records, collected from every service's RecordAccessed events. District administrators only.")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
@SecurityRequirement(name = "jwt")
public class AccessTrailResource {

    private static final String CSV = Csv.MEDIA_TYPE;

    private final AccessTrailService trail;
    private final ReportingClock clock;

    AccessTrailResource(AccessTrailService trail, ReportingClock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Accesses to student records, newest first, as JSON or CSV",
            description = "Every recorded read, write or export, filtered by the student whose record it contained, "
                    + "the actor (token subject) and a time window; paged with limit/offset, X-Total-Count and Link. "
                    + "JSON by default; Accept: text/csv gives the same rows (all of them unless limit is given), "
                    + "student ids separated by spaces.")
    @APIResponse(responseCode = "200", description = "The trail (one page of it for JSON)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AccessRecordResponse.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Bad parameters, every one listed")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a district administrator")
    public Response list(@QueryParam("studentId") @Parameter(description = "Only accesses to this student's records")
                         String studentId,
                         @QueryParam("actor") @Parameter(description = "Only this actor (the token subject)")
                         String actor,
                         @QueryParam("from") @Parameter(description = "From this date (YYYY-MM-DD, district time) or "
                                 + "instant (ISO 8601 with offset), inclusive") String from,
                         @QueryParam("to") @Parameter(description = "Up to this date, inclusive, or before this instant")
                         String to,
                         @QueryParam("limit") @Parameter(description = "Rows per page, 1-500 (default 50; CSV: all)",
                                 schema = @Schema(type = SchemaType.INTEGER))
                         String limit,
                         @QueryParam("offset") @Parameter(description = "Rows to skip (default 0)", schema = @Schema(type = SchemaType.INTEGER)) String offset,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        boolean csv = ContentChoice.prefers(headers, MediaType.valueOf(CSV));
        AccessTrailService.Query q = query(studentId, actor, from, to, limit, offset,
                csv ? 0 : Paging.DEFAULT_LIMIT);
        List<AccessRecordResponse> rows = trail.list(q);
        long total = trail.count(q);
        if (!csv) {
            return Response.fromResponse(Paging.page(rows, total, q.limit(), q.offset(), uri))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Csv.attachment(Csv.write(List.of("accessedAt", "actor", "actorRole", "action", "service",
                        "resourceType", "resourceId", "studentIds", "purpose", "method", "path", "accessId",
                        "recordedAt"), rows.stream().map(AccessTrailResource::csvRow).toList()), "access-audit.csv")
                .header("X-Total-Count", total).build();
    }

    private static List<Object> csvRow(AccessRecordResponse a) {
        return Arrays.asList(a.accessedAt(), a.actor(), a.actorRole(), a.action(), a.service(), a.resourceType(),
                a.resourceId(), String.join(" ", a.studentIds().stream().map(UUID::toString).toList()), a.purpose(),
                a.method(), a.path(), a.accessId(), a.recordedAt());
    }

    private AccessTrailService.Query query(String studentId, String actor, String from, String to, String limit,
                                           String offset, int defaultLimit) {
        QueryParams params = new QueryParams();
        UUID student = params.uuid("studentId", studentId);
        OffsetDateTime start = instant(params, "from", from, false);
        OffsetDateTime until = instant(params, "to", to, true);
        if (start != null && until != null && !until.isAfter(start)) {
            params.violation("to", "must be after from");
        }
        int size = defaultLimit == 0 && (limit == null || limit.isBlank())
                ? 0
                : params.integer("limit", limit, defaultLimit, 1, Paging.MAX_LIMIT);
        int skip = params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        params.check();
        return new AccessTrailService.Query(student, actor == null || actor.isBlank() ? null : actor.trim(), start,
                until, size, skip);
    }

    /**
     * A date (the district's day: from its start, or up to its end when {@code end}) or an instant; the
     * returned bound is inclusive for from and exclusive for to.
     */
    private OffsetDateTime instant(QueryParams params, String field, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.contains("T")) {
                return OffsetDateTime.parse(v);
            }
            LocalDate day = LocalDate.parse(v);
            return (end ? day.plusDays(1) : day).atStartOfDay(clock.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            params.violation(field, "'" + value + "' is neither a date (YYYY-MM-DD) nor an instant "
                    + "(YYYY-MM-DDThh:mm:ssZ)");
            return null;
        }
    }
}
