package org.iepservices.reporting.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One access of the trail, as the service that served it reported it (RecordAccessed). */
public record AccessRecordResponse(UUID accessId, String actor, String actorRole, String action, String service,
                                   String resourceType, String resourceId, List<UUID> studentIds, String purpose,
                                   String method, String path, OffsetDateTime accessedAt,
                                   OffsetDateTime recordedAt) {
}
