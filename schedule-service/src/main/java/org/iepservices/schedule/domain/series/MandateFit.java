package org.iepservices.schedule.domain.series;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.scheduling.MandateTerms;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a series still serves a mandate that replaced the one it was made for (an amendment or
 * a new IEP version): same minutes per session, sessions in the series' setting, and a group the
 * mandate allows. What no longer fits is said in words, for the person who reschedules it.
 */
public final class MandateFit {

    private MandateFit() {
    }

    public static List<String> misfits(ServiceSetting setting, int durationMinutes, int groupSize, MandateTerms next) {
        List<String> misfits = new ArrayList<>();
        if (next.minutesPerSession() > 0 && durationMinutes != next.minutesPerSession()) {
            misfits.add("sessions of " + durationMinutes + " min; the mandate now says " + next.minutesPerSession()
                    + " min");
        }
        if (next.sessions(setting) == 0) {
            misfits.add("a " + setting + " series; the mandate now has no " + setting + " sessions ("
                    + next.pushInSessions() + " push-in, " + next.pullOutSessions() + " pull-out)");
        }
        if (groupSize > 1 && next.individual()) {
            misfits.add("a group of " + groupSize + "; the mandate is now individual");
        } else if (next.groupTooLarge(groupSize)) {
            misfits.add("a group of " + groupSize + "; the mandate now allows at most " + next.maxGroupSize());
        }
        return misfits;
    }
}
