package org.iepservices.reporting.domain.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.iepservices.events.ServiceSetting;

/** Minutes split by setting; compliance is judged per setting, never on the sum alone. */
public record SettingMinutes(int pushIn, int pullOut) {

    public static final SettingMinutes ZERO = new SettingMinutes(0, 0);

    public static SettingMinutes of(ServiceSetting setting, int minutes) {
        return setting == ServiceSetting.PUSH_IN ? new SettingMinutes(minutes, 0) : new SettingMinutes(0, minutes);
    }

    public static SettingMinutes of(String setting, int minutes) {
        return of(ServiceSetting.valueOf(setting), minutes);
    }

    @JsonProperty("total")
    public int total() {
        return pushIn + pullOut;
    }

    public int of(ServiceSetting setting) {
        return setting == ServiceSetting.PUSH_IN ? pushIn : pullOut;
    }

    public SettingMinutes plus(SettingMinutes other) {
        return new SettingMinutes(pushIn + other.pushIn, pullOut + other.pullOut);
    }

    /** What is still missing of {@code required} per setting; a surplus in one setting does not cover the other. */
    public SettingMinutes shortOf(SettingMinutes required) {
        return new SettingMinutes(Math.max(0, required.pushIn - pushIn), Math.max(0, required.pullOut - pullOut));
    }

    public SettingMinutes beyond(SettingMinutes required) {
        return new SettingMinutes(Math.max(0, pushIn - required.pushIn), Math.max(0, pullOut - required.pullOut));
    }

    /** Per setting, never below zero. */
    public SettingMinutes minus(SettingMinutes other) {
        return new SettingMinutes(Math.max(0, pushIn - other.pushIn), Math.max(0, pullOut - other.pullOut));
    }
}
