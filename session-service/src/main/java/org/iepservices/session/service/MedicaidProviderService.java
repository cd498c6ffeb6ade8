package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.medicaid.MedicaidProvider;
import org.iepservices.session.domain.medicaid.Npi;
import org.iepservices.session.domain.medicaid.RenderingProvider;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Providers' billing identities (NPI, billing discipline, supervising clinician of an assistant),
 * kept next to the roster copy of the staff member.
 */
@ApplicationScoped
public class MedicaidProviderService {

    private static final Pattern DISCIPLINE = Pattern.compile("[A-Z][A-Z_]{1,39}");

    /** What is set for a provider: NPI, the discipline they bill as, the supervisor of an assistant. */
    public record Billing(String npi, String billingDiscipline, UUID supervisorId) {
    }

    public Optional<MedicaidProvider> find(UUID staffId) {
        return MedicaidProvider.findByIdOptional(staffId);
    }

    /**
     * Sets the provider's billing identity. The provider and the supervisor must be on the roster
     * copy (a 422 with Retry-After while their StaffUpserted is on its way); an assistant (SLPA, COTA,
     * PTA) needs a supervisor, who is someone else and not an assistant.
     */
    @Transactional
    public MedicaidProvider put(UUID staffId, Billing billing, String updatedBy) {
        Findings findings = new Findings();
        String discipline = billing.billingDiscipline() == null || billing.billingDiscipline().isBlank() ? null
                : billing.billingDiscipline().trim().toUpperCase(Locale.ROOT);
        String npi = billing.npi() == null || billing.npi().isBlank() ? null : billing.npi().trim();
        if (npi != null && !Npi.isValid(npi)) {
            findings.invalid("npi", "a 10-digit National Provider Identifier with a valid check digit");
        }
        if (discipline != null && !DISCIPLINE.matcher(discipline).matches()) {
            findings.invalid("billingDiscipline", "a discipline such as SLP, SLPA, OT, COTA, PT or PTA");
        }
        KnownStaff staff = KnownStaff.findById(staffId);
        if (staff == null) {
            findings.pending("staffId", "provider " + staffId + " (StaffUpserted on roster.events)");
        }
        String billsAs = discipline != null ? discipline : staff == null ? null : staff.discipline;
        if (billing.supervisorId() != null) {
            if (billing.supervisorId().equals(staffId)) {
                findings.invalid("supervisorId", "a provider does not supervise themselves");
            } else if (KnownStaff.findById(billing.supervisorId()) == null) {
                findings.pending("supervisorId", "provider " + billing.supervisorId()
                        + " (StaffUpserted on roster.events)");
            } else {
                MedicaidProvider supervisor = MedicaidProvider.findById(billing.supervisorId());
                if (supervisor != null && RenderingProvider.isAssistant(supervisor.billingDiscipline)) {
                    findings.invalid("supervisorId", "an assistant (" + supervisor.billingDiscipline
                            + ") does not supervise");
                }
            }
        } else if (RenderingProvider.isAssistant(billsAs)) {
            findings.invalid("supervisorId", "an assistant (" + billsAs + ") bills under a supervising clinician");
        }
        findings.throwIfAny("The provider's billing identity");

        MedicaidProvider existing = MedicaidProvider.findById(staffId);
        MedicaidProvider row = existing != null ? existing : new MedicaidProvider();
        row.staffId = staffId;
        row.npi = npi;
        row.billingDiscipline = discipline;
        row.supervisorId = billing.supervisorId();
        row.updatedBy = updatedBy;
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (existing == null) {
            row.persist();
        }
        return row;
    }
}
