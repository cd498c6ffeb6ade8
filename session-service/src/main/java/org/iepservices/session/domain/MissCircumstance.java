package org.iepservices.session.domain;

/**
 * The finer reason behind STUDENT_UNAVAILABLE (testing, a field trip, discipline) or
 * PROVIDER_REASSIGNED (an IEP meeting, a duty, an evaluation). Lets coordinators see what keeps
 * eating sessions without turning every case into OTHER.
 */
public enum MissCircumstance {
    TESTING(MissReason.STUDENT_UNAVAILABLE),
    FIELD_TRIP(MissReason.STUDENT_UNAVAILABLE),
    DISCIPLINE(MissReason.STUDENT_UNAVAILABLE),
    IEP_MEETING(MissReason.PROVIDER_REASSIGNED),
    DUTY(MissReason.PROVIDER_REASSIGNED),
    EVALUATION(MissReason.PROVIDER_REASSIGNED);

    private final MissReason reason;

    MissCircumstance(MissReason reason) {
        this.reason = reason;
    }

    public MissReason reason() {
        return reason;
    }
}
