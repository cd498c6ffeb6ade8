package org.iepservices.schedule.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.schedule.api.SeriesDtos.ConflictDto;
import org.iepservices.schedule.domain.conflict.ConflictKind;
import org.iepservices.schedule.service.ConflictQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class ConflictResource {

    private final ConflictQuery conflicts;

    ConflictResource(ConflictQuery conflicts) {
        this.conflicts = conflicts;
    }

    @GET
    @Operation(summary = "The schedule's conflicts now",
            description = "providerId or schoolId (or both) is required (400). Every series of the provider and/or school (still running on or after `from`, when "
                    + "given) checked again against today's data: conflicts accepted with an override "
                    + "(overridden=true) and those that appeared since (availability removed, an enrollment ended, "
                    + "a new series of a student with another provider). Paged.")
    public Response list(@QueryParam("providerId") UUID providerId, @QueryParam("schoolId") UUID schoolId,
                         @QueryParam("from") LocalDate from,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        if (providerId == null && schoolId == null) {
            // Every series is checked again on read: a district-wide scan is never done by accident.
            throw ProblemException.invalid("providerId", "give providerId, schoolId or both");
        }
        List<ConflictDto> all = conflicts.find(providerId, schoolId, from).stream()
                .flatMap(found -> {
                    Set<ConflictKind> overridden = SeriesDtos.overriddenKinds(found.series());
                    return found.conflicts().stream().map(c -> ConflictDto.of(c, found.series().id, null,
                            overridden.contains(c.kind())));
                })
                .toList();
        List<ConflictDto> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return Paging.page(page, all.size(), limit, offset, uri);
    }
}
