package org.iepservices.student.domain.roster;

/**
 * How a file is processed, as the manifest says. Bulk: the file is the whole truth for its type,
 * records missing from it are deactivated. Delta: every row carries its status, nothing else changes.
 */
public enum ImportMode {
    BULK, DELTA, ABSENT
}
