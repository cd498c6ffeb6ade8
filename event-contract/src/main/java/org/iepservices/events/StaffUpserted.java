package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * A staff member (provider or teacher) was created or changed. The subject is the staff id.
 * {@code discipline} is SLP, OT, PT, COUNSELOR or TEACHER; {@code credentials} (e.g. "CCC-SLP")
 * go on signatures and Medicaid claims; {@code status} is active or tobedeleted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffUpserted(
        UUID staffId,
        String sourcedId,
        String givenName,
        String familyName,
        String email,
        String discipline,
        String credentials,
        List<UUID> schoolIds,
        String status) {

    public static final EventType<StaffUpserted> TYPE =
            new EventType<>("StaffUpserted", Topics.ROSTER, 1, StaffUpserted.class);

    public StaffUpserted {
        schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
    }
}
