package org.iepservices.session.domain.medicaid;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Who rendered the service, as the claim needs it: the discipline they bill as, their NPI and, for an
 * assistant (SLPA, COTA, PTA), the supervising clinician and that clinician's NPI.
 */
public record RenderingProvider(String discipline, String npi, UUID supervisorId, String supervisorName,
                                String supervisorNpi) {

    /** Assistants bill only under a supervising clinician's NPI. */
    public static final Set<String> ASSISTANTS = Set.of("SLPA", "COTA", "PTA");

    public static final RenderingProvider UNKNOWN = new RenderingProvider(null, null, null, null, null);

    public boolean assistant() {
        return isAssistant(discipline);
    }

    public static boolean isAssistant(String discipline) {
        return discipline != null && ASSISTANTS.contains(discipline.trim().toUpperCase(Locale.ROOT));
    }
}
