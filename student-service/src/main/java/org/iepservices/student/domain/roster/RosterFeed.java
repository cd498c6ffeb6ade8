package org.iepservices.student.domain.roster;

import java.util.Set;

/**
 * Who sends roster records and which orgs the sending covers. A district's roster can come from
 * several feeds (the SIS, a therapy vendor, a second SIS after a merger): a bulk file replaces the
 * records of its own source within its orgs, and nothing else.
 *
 * @param source      the feed's name: the import's {@code source} parameter, else the token's subject
 * @param coveredOrgs the org sourcedIds the file lists or references (its scope, before adding the
 *                    orgs below them); empty for a push
 */
public record RosterFeed(String source, Set<String> coveredOrgs) {

    /** Longest source name stored. */
    public static final int MAX_SOURCE_LENGTH = 255;

    public RosterFeed {
        coveredOrgs = Set.copyOf(coveredOrgs);
    }

    public static RosterFeed push(String source) {
        return new RosterFeed(source, Set.of());
    }
}
