package org.iepservices.student.domain;

/** A related service an IEP mandates; each is delivered by providers of one discipline. */
public enum ServiceType {
    SPEECH_LANGUAGE(Discipline.SLP, "speech room"),
    OCCUPATIONAL_THERAPY(Discipline.OT, "OT room"),
    PHYSICAL_THERAPY(Discipline.PT, "PT room"),
    COUNSELING(Discipline.COUNSELOR, "counseling office");

    /** Where push-in sessions happen unless the IEP says otherwise. */
    public static final String DEFAULT_PUSH_IN_LOCATION = "general education classroom";

    private final Discipline discipline;
    private final String pullOutRoom;

    ServiceType(Discipline discipline, String pullOutRoom) {
        this.discipline = discipline;
        this.pullOutRoom = pullOutRoom;
    }

    /** The discipline licensed to deliver this service (an OT cannot deliver speech minutes). */
    public Discipline discipline() {
        return discipline;
    }

    /** Where pull-out sessions of this service happen unless the IEP says otherwise. */
    public String defaultPullOutLocation() {
        return pullOutRoom;
    }
}
