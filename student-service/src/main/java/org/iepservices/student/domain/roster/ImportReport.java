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

    /**
     * APPLIED: written. VALIDATED: a dry run, nothing written. HELD: a bulk file would have
     * deactivated more than the allowed share of the students or staff in its scope; nothing was
     * written, and it applies when sent again with confirmMassDeactivation=true.
     */
    public enum Outcome { APPLIED, VALIDATED, HELD }

    /**
     * What a bulk users file does to the people of its scope (its source's active students and
     * staff within the orgs it covers), and the share above which it is held.
     */
    public record MassDeactivation(long activeStudents, long studentsToDeactivate, long activeStaff,
                                   long staffToDeactivate, double threshold, boolean confirmed) {

        /** More than {@code threshold} of the students or of the staff would go, and at least {@code minimum} people. */
        public boolean exceeds(long minimum) {
            return over(studentsToDeactivate, activeStudents, minimum) || over(staffToDeactivate, activeStaff, minimum);
        }

        private boolean over(long leaving, long active, long minimum) {
            return active > 0 && leaving >= minimum && (double) leaving / active > threshold;
        }
    }

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
    /** The feed the import belongs to (the source parameter, else the caller's token subject). */
    public String source;
    /**
     * The district the import belongs to (its records are keyed by it: sourcedIds are unique per
     * district): the caller's district_id claim, else the districtId parameter, else the roster's
     * own district org, its schools' district, or where its orgs are stored; null when none is known.
     */
    public UUID district;
    /** The org sourcedIds the zip lists or references: the scope its bulk files replace. */
    public List<String> coveredOrgs = new ArrayList<>();
    /** Present when the zip has a bulk users file. */
    public MassDeactivation massDeactivation;
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
