package org.iepservices.session.domain;

/** How the session was delivered: 1:1, a small group (2-4, may include peers), or embedded in a whole-class lesson. */
public enum SessionFormat {
    INDIVIDUAL,
    SMALL_GROUP,
    WHOLE_CLASS
}
