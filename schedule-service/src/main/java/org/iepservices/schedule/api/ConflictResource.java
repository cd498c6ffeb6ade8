package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.api.SeriesDtos.ConflictDto;
import org.iepservices.schedule.domain.conflict.ConflictKind;
import org.iepservices.schedule.service.ConflictQuery;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;

@Path("/api/v1/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class ConflictResource {

    private final ConflictQuery conflicts;
    private final AccessScope scope;
    private final AccessAudit audit;

    ConflictResource(ConflictQuery conflicts, AccessScope scope, AccessAudit audit) {
        this.conflicts = conflicts;
        this.scope = scope;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The schedule's conflicts now",
            description = "providerId or schoolId (or both) is required (400). Every series of the provider and/or school (still running on or after `from`, when "
                    + "given) checked again against today's data: conflicts accepted with an override "
                    + "(overridden=true) and those that appeared since (availability removed, an enrollment ended, "
                    + "a new series of a student with another provider). Only series with a student in the "
                    + "caller's scope, and only conflicts naming no student outside it. Paged.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count and Link headers",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ConflictDto.class)))
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("from") LocalDate from,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        if (providerId == null && schoolId == null) {
            // Every series is checked again on read: a district-wide scan is never done by accident.
            throw ProblemException.invalid("providerId", "give providerId, schoolId or both");
        }
        List<ConflictDto> all = conflicts.find(providerId, schoolId, from, scope).stream()
                .flatMap(found -> {
                    Set<ConflictKind> overridden = SeriesDtos.overriddenKinds(found.series());
                    return found.conflicts().stream().map(c -> ConflictDto.of(c, found.series().id, null,
                            overridden.contains(c.kind())));
                })
                .toList();
        List<ConflictDto> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        Set<UUID> students = page.stream().map(ConflictDto::studentId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        audit.read("conflicts", null, students);
        return Paging.page(page, all.size(), limit, offset, uri);
    }
}
