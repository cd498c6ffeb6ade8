package org.iepservices.events;

/** Kafka topics, one per publishing domain (see README, "Events"). */
public final class Topics {
    public static final String ROSTER = "roster.events";
    public static final String IEP = "iep.events";
    public static final String SCHEDULE = "schedule.events";
    public static final String SESSION = "session.events";
    /** What reporting-service derives and announces (ComplianceStatusChanged). */
    public static final String REPORTING = "reporting.events";
    /** Who read or changed which student's records (FERPA access audit). */
    public static final String AUDIT = "audit.events";

    public static final java.util.List<String> ALL = java.util.List.of(ROSTER, IEP, SCHEDULE, SESSION, REPORTING, AUDIT);

    private Topics() {
    }
}
