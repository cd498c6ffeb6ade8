package org.iepservices.student.service.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.problem.Problem;
import org.iepservices.student.domain.roster.ImportReport;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An import sent with {@code Prefer: respond-async}: where it stands, how far it has read, and how
 * it ended (the same report the synchronous form answers with, or the problem it would have answered).
 */
@Schema(name = "RosterImportJob", description = "An asynchronous roster import: state, progress per file, and "
        + "how it ended (the import report, or the problem)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RosterImportJob(
        @Schema(description = "the job's id, which is also the id of the import report it ends with") UUID id,
        @Schema(description = "QUEUED (stored, waiting for a worker), RUNNING, SUCCEEDED (report present: outcome "
                + "APPLIED, VALIDATED or HELD) or FAILED (problem present; nothing was written)") State state,
        OffsetDateTime receivedAt,
        @Schema(description = "when a worker took it (again, after a replica running it was lost)")
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "how many times a worker took it (more than 1: a replica running it was lost)")
        int attempts,
        @Schema(description = "the file being read (e.g. users, as the report names files) while RUNNING") String currentFile,
        @Schema(description = "rows read so far per file (e.g. {\"orgs\": 3, \"users\": 40000}), named as in the report's files")
        Map<String, Long> rowsRead,
        @Schema(implementation = ImportReport.class, description = "SUCCEEDED: the import report, as the "
                + "synchronous form returns it and GET /api/v1/roster/imports/{id} serves it") JsonNode report,
        @Schema(implementation = Problem.class, description = "FAILED: the problem+json the synchronous form "
                + "would have answered (e.g. 422 when the roster's districts disagree)") JsonNode problem) {

    @Schema(name = "RosterImportJobState")
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    public boolean finished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }
}
