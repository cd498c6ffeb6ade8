package org.iepservices.student.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.access.ActorProducer;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.domain.roster.RosterFeed;

/**
 * The feed a roster import or push belongs to: the {@code source} parameter when the caller names
 * one (a district admin uploading a vendor's file on its behalf), else the caller's own identity
 * (the SIS integration token's subject), so each integration is its own feed without configuration.
 */
@ApplicationScoped
class RosterSource {

    private final ActorProducer actors; // request-scoped proxy

    RosterSource(ActorProducer actors) {
        this.actors = actors;
    }

    /** The caller's district (claim {@code district_id}), which decides the district of what they import or push; null if none. */
    java.util.UUID claimedDistrict() {
        return actors.actor().districtId();
    }

    String of(String named) {
        if (named == null || named.isBlank()) {
            return actors.actor().subject();
        }
        String source = named.trim();
        if (source.length() > RosterFeed.MAX_SOURCE_LENGTH) {
            throw ProblemException.invalid("source", "at most " + RosterFeed.MAX_SOURCE_LENGTH + " characters");
        }
        return source;
    }
}
