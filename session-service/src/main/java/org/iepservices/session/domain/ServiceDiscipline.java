package org.iepservices.session.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Which discipline delivers a service: a speech-language mandate needs an SLP, occupational
 * therapy an OT, and so on. The mandate's own {@code providerDiscipline} wins when the IEP says it.
 */
public final class ServiceDiscipline {

    private static final Map<String, String> BY_SERVICE = Map.of(
            "SPEECH_LANGUAGE", "SLP",
            "OCCUPATIONAL_THERAPY", "OT",
            "PHYSICAL_THERAPY", "PT",
            "COUNSELING", "COUNSELOR");

    private ServiceDiscipline() {
    }

    /** The discipline for a mandate, or null when the service type is not one we know. */
    public static String of(String serviceType, String providerDiscipline) {
        if (providerDiscipline != null && !providerDiscipline.isBlank()) {
            return providerDiscipline.trim().toUpperCase(Locale.ROOT);
        }
        if (serviceType == null) {
            return null;
        }
        String service = serviceType.trim().toUpperCase(Locale.ROOT);
        return BY_SERVICE.getOrDefault(service, BY_SERVICE.containsValue(service) ? service : null);
    }

    /** Whether a provider of {@code staffDiscipline} may deliver a service needing {@code needed}. */
    public static boolean matches(String needed, String staffDiscipline) {
        return needed != null && staffDiscipline != null && needed.equalsIgnoreCase(staffDiscipline.trim());
    }
}
