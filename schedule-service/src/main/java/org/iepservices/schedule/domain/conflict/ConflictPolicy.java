package org.iepservices.schedule.domain.conflict;

/**
 * District choices in the rules. Whether a pull-out during core instruction is refused (HARD)
 * or only flagged (SOFT) differs between districts.
 */
public record ConflictPolicy(Severity pullOutDuringCore) {

    public static ConflictPolicy strict() {
        return new ConflictPolicy(Severity.HARD);
    }
}
