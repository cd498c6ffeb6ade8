package org.iepservices.session.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * District makeup policy: which miss reasons create a makeup obligation. The default follows
 * common district practice: misses on the provider's or the schedule's side are owed, student
 * absence and school closure are not, anything else goes to the IEP team.
 */
public final class MakeupPolicy {

    private final Map<MissReason, OwedVerdict> verdicts;

    public MakeupPolicy(Map<MissReason, OwedVerdict> verdicts) {
        EnumMap<MissReason, OwedVerdict> copy = new EnumMap<>(MissReason.class);
        copy.putAll(verdicts);
        for (MissReason reason : MissReason.values()) {
            if (!copy.containsKey(reason) && reason.optionalInPolicy()) {
                copy.put(reason, DEFAULTS.get(reason));
            } else if (!copy.containsKey(reason)) {
                throw new IllegalArgumentException("the policy must decide reason " + reason);
            }
        }
        this.verdicts = copy;
    }

    /**
     * A school event and an occurrence nobody documented go to review: the first depends on what
     * the event was, the second on what actually happened, which only a person can tell.
     */
    private static final Map<MissReason, OwedVerdict> DEFAULTS = Map.of(
            MissReason.PROVIDER_ABSENT, OwedVerdict.OWED,
            MissReason.PROVIDER_REASSIGNED, OwedVerdict.OWED,
            MissReason.SCHEDULING_ERROR, OwedVerdict.OWED,
            MissReason.STUDENT_ABSENT, OwedVerdict.NOT_OWED,
            MissReason.SCHOOL_CLOSED, OwedVerdict.NOT_OWED,
            MissReason.STUDENT_UNAVAILABLE, OwedVerdict.REVIEW,
            MissReason.OTHER, OwedVerdict.REVIEW,
            MissReason.SCHOOL_EVENT, OwedVerdict.REVIEW,
            MissReason.UNDOCUMENTED, OwedVerdict.REVIEW);

    public static MakeupPolicy districtDefault() {
        return new MakeupPolicy(DEFAULTS);
    }

    public OwedVerdict verdictFor(MissReason reason) {
        return verdicts.get(reason);
    }

    /** Every reason with its verdict, in the order of {@link MissReason}. */
    public Map<MissReason, OwedVerdict> verdicts() {
        return new EnumMap<>(verdicts);
    }
}
