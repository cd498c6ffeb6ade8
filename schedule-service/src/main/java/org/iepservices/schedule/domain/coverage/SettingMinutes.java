package org.iepservices.schedule.domain.coverage;

import org.iepservices.events.ServiceSetting;

/** Minutes split by setting. */
public record SettingMinutes(int pushIn, int pullOut) {

    public static final SettingMinutes ZERO = new SettingMinutes(0, 0);

    public static SettingMinutes of(ServiceSetting setting, int minutes) {
        return setting == ServiceSetting.PUSH_IN ? new SettingMinutes(minutes, 0) : new SettingMinutes(0, minutes);
    }

    public int total() {
        return pushIn + pullOut;
    }

    public SettingMinutes plus(SettingMinutes other) {
        return new SettingMinutes(pushIn + other.pushIn, pullOut + other.pullOut);
    }

    /** What this lacks to reach {@code target}, per setting (never negative). */
    public SettingMinutes shortOf(SettingMinutes target) {
        return new SettingMinutes(Math.max(0, target.pushIn - pushIn), Math.max(0, target.pullOut - pullOut));
    }

    /** What this has beyond {@code target}, per setting. */
    public SettingMinutes beyond(SettingMinutes target) {
        return target.shortOf(this);
    }
}
