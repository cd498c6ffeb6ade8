package org.iepservices.student.domain.roster;

import java.util.Set;
import java.util.UUID;

/**
 * Who sends roster records, for which district, and which orgs the sending covers. A district's
 * roster can come from several feeds (the SIS, a therapy vendor, a second SIS after a merger): a
 * bulk file replaces the records of its own source within its district and orgs, and nothing else.
 *
 * @param source      the feed's name: the import's {@code source} parameter, else the token's subject
 * @param district    the district the records belong to (sourcedIds are unique per district);
 *                    {@link RosterDistrict#NONE} when none is known
 * @param coveredOrgs the org sourcedIds the file lists or references (its scope, before adding the
 *                    orgs below them); empty for a push
 */
public record RosterFeed(String source, UUID district, Set<String> coveredOrgs) {

    /** Longest source name stored. */
    public static final int MAX_SOURCE_LENGTH = 255;

    public RosterFeed {
        district = RosterDistrict.of(district);
        coveredOrgs = Set.copyOf(coveredOrgs);
    }

    public static RosterFeed push(String source, UUID district) {
        return new RosterFeed(source, district, Set.of());
    }
}
