package org.iepservices.session.domain;

import java.util.Collection;

/**
 * Where a scheduled occurrence stands for the provider's worklist. Per student: MISSED (a miss is
 * recorded, by a person or the system), DOCUMENTED (a signed log lists the student), UNDOCUMENTED
 * (past and neither: a draft is not enough), SCHEDULED (not over yet), CANCELLED (cancelled without a
 * miss: the series was withdrawn). The occurrence: UNDOCUMENTED while any student is, SCHEDULED when
 * not over, MISSED when every student missed it, CANCELLED when every one was cancelled, else DOCUMENTED.
 */
public enum DocumentationStatus {
    SCHEDULED,
    DOCUMENTED,
    MISSED,
    UNDOCUMENTED,
    CANCELLED;

    public static DocumentationStatus ofStudent(boolean over, boolean missed, boolean signedLog, boolean cancelled) {
        if (missed) {
            return MISSED;
        }
        if (signedLog) {
            return DOCUMENTED;
        }
        if (cancelled) {
            return CANCELLED;
        }
        return over ? UNDOCUMENTED : SCHEDULED;
    }

    public static DocumentationStatus ofOccurrence(Collection<DocumentationStatus> students) {
        if (students.contains(UNDOCUMENTED)) {
            return UNDOCUMENTED;
        }
        if (students.contains(SCHEDULED)) {
            return SCHEDULED;
        }
        if (!students.isEmpty() && students.stream().allMatch(s -> s == MISSED)) {
            return MISSED;
        }
        if (!students.isEmpty() && students.stream().allMatch(s -> s == CANCELLED)) {
            return CANCELLED;
        }
        return students.contains(DOCUMENTED) ? DOCUMENTED : MISSED;
    }
}
