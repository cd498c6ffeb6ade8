package org.iepservices.session.domain.medicaid;

import java.util.Locale;
import java.util.Optional;

/**
 * The claim modifier saying which therapy plan of care a service belongs to: GN speech-language
 * pathology, GO occupational therapy, GP physical therapy.
 */
public enum DisciplineModifier {
    GN,
    GO,
    GP;

    /** The usual modifier of a therapy (SLP, OT, PT); none for other disciplines. */
    public static Optional<DisciplineModifier> usualFor(String discipline) {
        if (discipline == null) {
            return Optional.empty();
        }
        return switch (discipline.trim().toUpperCase(Locale.ROOT)) {
            case "SLP", "SLPA" -> Optional.of(GN);
            case "OT", "COTA" -> Optional.of(GO);
            case "PT", "PTA" -> Optional.of(GP);
            default -> Optional.empty();
        };
    }
}
