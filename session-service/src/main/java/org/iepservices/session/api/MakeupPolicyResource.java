package org.iepservices.session.api;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Role;
import org.iepservices.problem.IfMatch;
import org.iepservices.session.domain.DistrictMakeupPolicy;
import org.iepservices.session.domain.MakeupPolicy;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.MakeupPolicyService;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/districts/{districtId}/makeup-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Misses")
public class MakeupPolicyResource {

    @Schema(description = "Per miss reason: OWED (a makeup is owed), NOT_OWED, or REVIEW (the IEP team decides)")
    public record PolicyRequest(
            @NotNull @Schema(example = "{\"STUDENT_ABSENT\":\"NOT_OWED\",\"STUDENT_UNAVAILABLE\":\"OWED\","
                    + "\"PROVIDER_ABSENT\":\"OWED\",\"PROVIDER_REASSIGNED\":\"OWED\",\"SCHOOL_CLOSED\":\"NOT_OWED\","
                    + "\"SCHEDULING_ERROR\":\"OWED\",\"OTHER\":\"REVIEW\"}")
            Map<MissReason, OwedVerdict> verdicts,
            @Schema(description = "School days an occurrence may stay undocumented before the system records it "
                    + "missed (reason UNDOCUMENTED); 1-60, left out: the service default (5)", example = "5")
            Integer undocumentedAfterSchoolDays,
            @Size(max = 200) String updatedBy) {
    }

    public record PolicyResponse(UUID districtId,
                                 @Schema(description = "True while the district has not set its own policy")
                                 boolean isDefault,
                                 Map<MissReason, OwedVerdict> verdicts,
                                 @Schema(description = "School days before an undocumented occurrence is recorded missed")
                                 int undocumentedAfterSchoolDays,
                                 String updatedBy, OffsetDateTime updatedAt) {
    }

    private final MakeupPolicyService policies;
    private final CallerAccess access;

    MakeupPolicyResource(MakeupPolicyService policies, CallerAccess access) {
        this.policies = policies;
        this.access = access;
    }

    @GET
    @Operation(summary = "A district's makeup policy",
            description = "Each miss reason with its verdict. A district that has not set one gets the default: "
                    + "provider absence, provider reassignment and scheduling errors owed; student absence and "
                    + "school closure not owed; student unavailable, school event, other and undocumented occurrences "
                    + "to IEP-team review; an occurrence undocumented 5 school days later is recorded missed. Readable by "
                    + "providers and admins: it is district policy, not a student record.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response get(@PathParam("districtId") UUID districtId) {
        Optional<DistrictMakeupPolicy> own = policies.find(districtId);
        if (own.isEmpty()) {
            return Response.ok(new PolicyResponse(districtId, true, MakeupPolicy.districtDefault().verdicts(),
                    policies.undocumentedAfterSchoolDays(null), null, null)).build();
        }
        return response(own.get());
    }

    @PUT
    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @Operation(summary = "Set a district's makeup policy",
            description = "Replaces the policy; every reason must be decided (422 names the missing ones). Misses "
                    + "recorded from now on in the district's schools get the new verdicts; misses already recorded "
                    + "keep theirs. If-Match with the ETag guards against overwriting a concurrent change. Set by a "
                    + "district admin of that district (a token naming another district is refused).")
    @APIResponse(responseCode = "200", description = "Policy set")
    @APIResponse(responseCode = "403", description = "Not a district admin of this district")
    @APIResponse(responseCode = "412", description = "The policy changed since the ETag sent")
    @APIResponse(responseCode = "422", description = "A reason is left undecided")
    public Response put(@PathParam("districtId") UUID districtId, @Valid @NotNull PolicyRequest request,
                        @HeaderParam("If-Match") String ifMatch) {
        UUID own = access.actor().districtId();
        if (own != null && !own.equals(districtId)) {
            throw new ForbiddenException("A district admin sets the makeup policy of their own district only");
        }
        return response(policies.put(districtId, request.verdicts(), request.undocumentedAfterSchoolDays(),
                request.updatedBy(), IfMatch.version(ifMatch)));
    }

    private Response response(DistrictMakeupPolicy policy) {
        return Response.ok(new PolicyResponse(policy.districtId, false, policy.policy().verdicts(),
                policies.undocumentedAfterSchoolDays(policy.districtId), policy.updatedBy,
                policy.updatedAt)).tag(Long.toString(policy.version)).build();
    }
}
