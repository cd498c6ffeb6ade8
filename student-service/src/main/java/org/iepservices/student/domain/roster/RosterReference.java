package org.iepservices.student.domain.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reference from one OneRoster file to another, by column (multi-value cells hold several).
 * A dangling reference that makes a row meaningless (an enrollment in an unknown class, a role of
 * an unknown user) rejects the row; the others are reported and the row applies, because real SIS
 * exports have them (a class's course left out of the export, a parent org outside the district).
 */
public record RosterReference(String column, RosterFile target, boolean rejectsRow) {

    private static final Map<RosterFile, List<RosterReference>> ALL = Map.of(
            RosterFile.ORGS, List.of(new RosterReference("parentSourcedId", RosterFile.ORGS, false)),
            RosterFile.ACADEMIC_SESSIONS, List.of(
                    new RosterReference("parentSourcedId", RosterFile.ACADEMIC_SESSIONS, false)),
            RosterFile.ENROLLMENTS, List.of(new RosterReference("classSourcedId", RosterFile.CLASSES, true),
                    new RosterReference("userSourcedId", RosterFile.USERS, true),
                    new RosterReference("schoolSourcedId", RosterFile.ORGS, false)),
            RosterFile.ROLES, List.of(new RosterReference("userSourcedId", RosterFile.USERS, true),
                    new RosterReference("orgSourcedId", RosterFile.ORGS, true)),
            RosterFile.CLASSES, List.of(new RosterReference("courseSourcedId", RosterFile.COURSES, false),
                    new RosterReference("schoolSourcedId", RosterFile.ORGS, false),
                    new RosterReference("termSourcedIds", RosterFile.ACADEMIC_SESSIONS, false)),
            RosterFile.COURSES, List.of(new RosterReference("orgSourcedId", RosterFile.ORGS, false)),
            RosterFile.USERS, List.of(new RosterReference("orgSourcedIds", RosterFile.ORGS, false),
                    new RosterReference("primaryOrgSourcedId", RosterFile.ORGS, false)));

    public static List<RosterReference> of(RosterFile file) {
        return ALL.getOrDefault(file, List.of());
    }

    /**
     * The orgs a record is attached to, which decide whether a bulk file's scope covers it: an org
     * itself, else the orgs its columns reference (a class's school, a 1.1 user's orgs...). Empty
     * for files that name no org (academic sessions, demographics, 1.2 users without a primary org).
     */
    public static List<String> orgsOf(RosterRecord record) {
        if (record.file() == RosterFile.ORGS) {
            return List.of(record.sourcedId());
        }
        List<String> orgs = new ArrayList<>();
        for (RosterReference ref : of(record.file())) {
            if (ref.target() == RosterFile.ORGS) {
                orgs.addAll(ref.values(record));
            }
        }
        return orgs;
    }

    /** Whether records of {@code file} name their orgs (else they take the orgs of the feed that sent them). */
    public static boolean namesOrgs(RosterFile file) {
        return file == RosterFile.ORGS || of(file).stream().anyMatch(ref -> ref.target() == RosterFile.ORGS);
    }

    /** The sourcedIds this reference points at in {@code record}. */
    public List<String> values(RosterRecord record) {
        return record.values(column);
    }

    /** A reference to another record of the same file (a parent org or session). */
    public boolean withinFile(RosterFile file) {
        return target == file;
    }
}
