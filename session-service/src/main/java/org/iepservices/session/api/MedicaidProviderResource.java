package org.iepservices.session.api;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.medicaid.MedicaidProvider;
import org.iepservices.session.domain.medicaid.RenderingProvider;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.MedicaidProviderService;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/medicaid/providers/{staffId}")
@Tag(name = "Medicaid", description = "Service codes and claim-ready exports for school-based Medicaid billing")
public class MedicaidProviderResource {

    public record BillingRequest(
            @Size(max = 10) @Schema(description = "National Provider Identifier (10 digits, Luhn check digit)",
                    example = "1234567893") String npi,
            @Size(max = 40) @Schema(description = "The discipline they bill as, when not the rostered one: SLPA, COTA, "
                    + "PTA for assistants", example = "SLPA") String billingDiscipline,
            @Schema(description = "The supervising clinician (staff id) of an assistant; required for SLPA, COTA, PTA")
            UUID supervisorId) {
    }

    public record Billing(UUID staffId, String npi, String billingDiscipline, boolean assistant, UUID supervisorId,
                          String supervisorName, String supervisorNpi, String updatedBy, OffsetDateTime updatedAt) {
    }

    private final MedicaidProviderService providers;
    private final CallerAccess access;

    MedicaidProviderResource(MedicaidProviderService providers, CallerAccess access) {
        this.providers = providers;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A provider's billing identity",
            description = "NPI, billing discipline and, for an assistant, the supervising clinician with their NPI, "
                    + "as claim lines carry them. District admins, and a provider their own.")
    @APIResponse(responseCode = "404", description = "Nothing set for this provider")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    public Billing get(@PathParam("staffId") UUID staffId) {
        if (!access.isDistrictAdmin() && !access.providerId().map(staffId::equals).orElse(false)) {
            throw new ForbiddenException("A provider reads their own billing identity only");
        }
        return view(providers.find(staffId).orElseThrow(() -> ProblemException.notFound("Billing identity of provider",
                staffId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a provider's billing identity",
            description = "Replaces NPI, billing discipline and supervisor. An assistant (SLPA, COTA, PTA) needs a "
                    + "supervisor, who is not an assistant; claim lines of an assistant carry the supervisor's NPI "
                    + "and are not billable (MISSING_SUPERVISOR) while the supervisor has none. Lines without the "
                    + "provider's NPI are not billable (MISSING_NPI). District admins only.")
    @APIResponse(responseCode = "422", description = "Malformed NPI, an assistant without supervisor, or the staff "
            + "member not known yet (with Retry-After)")
    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    public Billing put(@PathParam("staffId") UUID staffId, @Valid @NotNull BillingRequest request) {
        return view(providers.put(staffId, new MedicaidProviderService.Billing(request.npi(),
                request.billingDiscipline(), request.supervisorId()),
                access.actor().name() != null ? access.actor().name() : access.actor().subject()));
    }

    private static Billing view(MedicaidProvider p) {
        KnownStaff supervisor = p.supervisorId == null ? null : KnownStaff.findById(p.supervisorId);
        MedicaidProvider supervisorBilling = p.supervisorId == null ? null : MedicaidProvider.findById(p.supervisorId);
        return new Billing(p.staffId, p.npi, p.billingDiscipline, RenderingProvider.isAssistant(p.billingDiscipline),
                p.supervisorId, supervisor == null ? null : supervisor.displayName(),
                supervisorBilling == null ? null : supervisorBilling.npi, p.updatedBy, p.updatedAt);
    }
}
