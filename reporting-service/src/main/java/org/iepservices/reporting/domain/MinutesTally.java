package org.iepservices.reporting.domain;

import org.iepservices.events.ServiceSetting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Adds delivered and missed minutes up per setting and per owed verdict. Plain Java: the
 * compliance projection builds on these sums, so they are unit-tested on their own.
 */
public final class MinutesTally {

    /** Delivered minutes split by setting. */
    public record Delivered(int total, int pushIn, int pullOut, int sessions) {
        static final Delivered NONE = new Delivered(0, 0, 0, 0);

        Delivered plus(ServiceSetting setting, int minutes) {
            return new Delivered(total + minutes,
                    pushIn + (setting == ServiceSetting.PUSH_IN ? minutes : 0),
                    pullOut + (setting == ServiceSetting.PULL_OUT ? minutes : 0),
                    sessions + 1);
        }
    }

    /** Missed minutes split by whether they must be made up. */
    public record Missed(int owed, int notOwed, int inReview, int sessions) {
        static final Missed NONE = new Missed(0, 0, 0, 0);

        Missed plus(String verdict, int minutes) {
            return new Missed(owed + ("OWED".equals(verdict) ? minutes : 0),
                    notOwed + ("NOT_OWED".equals(verdict) ? minutes : 0),
                    inReview + ("REVIEW".equals(verdict) ? minutes : 0),
                    sessions + 1);
        }
    }

    /** The tally of one mandate (or of all of a student's mandates together). */
    public record Tally(Delivered delivered, Missed missed) {
    }

    private MinutesTally() {
    }

    public static Tally total(Collection<DeliveredSession> delivered, Collection<MissedSession> missed) {
        Delivered d = Delivered.NONE;
        for (DeliveredSession s : delivered) {
            d = d.plus(s.setting, s.minutes);
        }
        Missed m = Missed.NONE;
        for (MissedSession s : missed) {
            m = m.plus(s.owed, s.minutes);
        }
        return new Tally(d, m);
    }

    /** Tallies per mandate, in first-seen order of the delivered, then the missed sessions. */
    public static Map<UUID, Tally> byMandate(Collection<DeliveredSession> delivered, Collection<MissedSession> missed) {
        Map<UUID, Delivered> d = new LinkedHashMap<>();
        Map<UUID, Missed> m = new LinkedHashMap<>();
        for (DeliveredSession s : delivered) {
            d.merge(s.mandateId, Delivered.NONE.plus(s.setting, s.minutes),
                    (a, b) -> a.plus(s.setting, s.minutes));
        }
        for (MissedSession s : missed) {
            m.merge(s.mandateId, Missed.NONE.plus(s.owed, s.minutes), (a, b) -> a.plus(s.owed, s.minutes));
        }
        Map<UUID, Tally> result = new LinkedHashMap<>();
        d.keySet().forEach(id -> result.put(id, null));
        m.keySet().forEach(id -> result.put(id, null));
        result.replaceAll((id, ignored) -> new Tally(d.getOrDefault(id, Delivered.NONE), m.getOrDefault(id, Missed.NONE)));
        return result;
    }
}
