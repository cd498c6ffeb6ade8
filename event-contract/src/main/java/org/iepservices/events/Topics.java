package org.iepservices.events;

/** Kafka topics, one per publishing domain (see README, "Events"). */
public final class Topics {
    public static final String ROSTER = "roster.events";
    public static final String IEP = "iep.events";
    public static final String SCHEDULE = "schedule.events";
    public static final String SESSION = "session.events";
    /** Who read or changed which student's records (FERPA access audit). */
    public static final String AUDIT = "audit.events";

    public static final java.util.List<String> ALL = java.util.List.of(ROSTER, IEP, SCHEDULE, SESSION, AUDIT);

    private Topics() {
    }
}
