package org.iepservices.student.domain.roster;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import did, file by file, and every row it refused (file, line, column, why). Kept and
 * served again by id, so an integrator can fix the SIS export and compare runs.
 */
public final class ImportReport {

    /** Issues kept per list; the counts stay exact beyond that. */
    public static final int MAX_LISTED_ISSUES = 1000;

    public enum Outcome { APPLIED, VALIDATED }

    public static final class FileCounts {
        public ImportMode mode = ImportMode.ABSENT;
        public long rows;
        public long inserted;
        public long updated;
        public long unchanged;
        public long deactivated;
        public long rejected;
    }

    public UUID id;
    public OffsetDateTime receivedAt;
    public boolean dryRun;
    public Outcome outcome;
    public String version;
    /** "manifest" when manifest.csv declares it, "headers" when detected from the files. */
    public String versionSource;
    public final Map<String, FileCounts> files = new LinkedHashMap<>();
    public final List<String> notImported = new ArrayList<>();
    public long errorCount;
    public long warningCount;
    public final List<RowIssue> errors = new ArrayList<>();
    public final List<RowIssue> warnings = new ArrayList<>();

    public FileCounts file(RosterFile file) {
        return files.computeIfAbsent(file.fileName(), name -> new FileCounts());
    }

    public void error(RowIssue issue) {
        errorCount++;
        if (errors.size() < MAX_LISTED_ISSUES) {
            errors.add(issue);
        }
    }

    public void warning(RowIssue issue) {
        warningCount++;
        if (warnings.size() < MAX_LISTED_ISSUES) {
            warnings.add(issue);
        }
    }
}
