package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Somebody read or changed a student-level record (FERPA access audit). Every service publishes
 * these for its own endpoints; one place collects them. The subject is the actor.
 *
 * @param action       READ, WRITE or EXPORT
 * @param resourceType e.g. student, iep, session-log, compliance, progress-summary, medicaid-claims
 * @param resourceId   the record read or written; null for lists and exports
 * @param studentIds   every student whose record the response contained (all of an export's)
 * @param purpose      the caller's stated purpose (request header {@code X-Access-Purpose}), if given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordAccessed(
        UUID accessId,
        String actor,
        String actorRole,
        String action,
        String service,
        String resourceType,
        String resourceId,
        List<UUID> studentIds,
        String purpose,
        String method,
        String path,
        OffsetDateTime at) {

    public static final EventType<RecordAccessed> TYPE =
            new EventType<>("RecordAccessed", Topics.AUDIT, 1, RecordAccessed.class);

    public RecordAccessed {
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
    }
}
