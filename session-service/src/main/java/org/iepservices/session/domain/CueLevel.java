package org.iepservices.session.domain;

/** How much prompting the student needed, from none to full support. */
public enum CueLevel {
    INDEPENDENT,
    MINIMAL,
    MODERATE,
    MAXIMAL
}
