package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A OneRoster import finished and was applied (dry runs and held imports publish nothing). Published by
 * student-service on {@code roster.events}, once per district the import covers, subject = the import
 * id. The counts are the whole import's, summed over its files; the report itself is
 * {@code GET /api/v1/roster/imports/{importId}}.
 *
 * @param source    the feed the import belongs to (the source parameter, else the caller's token subject)
 * @param outcome   APPLIED
 * @param rows      data rows read
 * @param rejected  rows refused (listed in the report)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterImportCompleted(
        UUID importId,
        UUID districtId,
        String source,
        String outcome,
        String version,
        OffsetDateTime receivedAt,
        OffsetDateTime completedAt,
        long rows,
        long inserted,
        long updated,
        long unchanged,
        long deactivated,
        long rejected,
        long errorCount,
        long warningCount) {

    public static final EventType<RosterImportCompleted> TYPE =
            new EventType<>("RosterImportCompleted", Topics.ROSTER, 1, RosterImportCompleted.class);
}
