package org.iepservices.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Actor;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.access.VisibleStudents;
import org.iepservices.reporting.domain.compliance.HolidayPolicy;
import org.iepservices.reporting.service.CompliancePolicies;
import org.iepservices.reporting.service.CompliancePolicyService;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

@Path("/api/v1/districts/{districtId}/compliance-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance policy", description = "How the district's compliance numbers treat holidays")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
@SecurityRequirement(name = "jwt")
public class CompliancePolicyResource {

    /** The request and answer: {@code holidayPolicy} PRORATE or EXCUSE. */
    public record PolicyRequest(String holidayPolicy) {
    }

    public record PolicyResponse(UUID districtId, HolidayPolicy holidayPolicy, boolean isDefault,
                                 OffsetDateTime updatedAt, String updatedBy) {
        static PolicyResponse of(CompliancePolicies.Setting s) {
            return new PolicyResponse(s.districtId(), s.holidayPolicy(), !s.explicit(), s.updatedAt(), s.updatedBy());
        }
    }

    private final CompliancePolicies policies;
    private final CompliancePolicyService service;
    private final VisibleStudents visible;
    private final Instance<Actor> actor;

    CompliancePolicyResource(CompliancePolicies policies, CompliancePolicyService service, VisibleStudents visible,
                             Instance<Actor> actor) {
        this.policies = policies;
        this.service = service;
        this.visible = visible;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The district's holiday policy",
            description = "PRORATE (weekly and monthly mandates prorated by instructional days) or EXCUSE (the full "
                    + "mandate less the sessions that fell on non-instructional days); isDefault when the district "
                    + "set none and compliance.holiday-policy applies.")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyResponse.class)))
    public PolicyResponse get(@PathParam("districtId") UUID districtId) {
        visible.requireDistrict(districtId);
        return PolicyResponse.of(policies.ofDistrict(districtId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the district's holiday policy",
            description = "Recomputes every compliance period of the district's students in the same transaction. "
                    + "400 for a missing or unknown policy, 409 while a rebuild runs.")
    @APIResponse(responseCode = "400", description = "holidayPolicy missing or not PRORATE/EXCUSE")
    @APIResponse(responseCode = "404", description = "Not the caller's district")
    @APIResponse(responseCode = "409", description = "A rebuild is running")
    @APIResponse(responseCode = "200", description = "Set; the periods are recomputed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyResponse.class)))
    public PolicyResponse put(@PathParam("districtId") UUID districtId, PolicyRequest request) {
        visible.requireDistrict(districtId);
        String name = request == null ? null : request.holidayPolicy();
        HolidayPolicy policy = HolidayPolicy.parse(name, null);
        if (policy == null) {
            throw ProblemException.invalid("holidayPolicy", "must be one of " + Arrays.toString(HolidayPolicy.values()));
        }
        return PolicyResponse.of(service.change(districtId, policy, actor.get().subject()));
    }
}
