package org.iepservices.schedule.recommendation;

import org.iepservices.events.ServiceSetting;

/**
 * One reason behind a recommendation: what was looked at, which setting it speaks for, how much it
 * counts and the evidence (which goal, which block, which profile field).
 *
 * @param decisive the factor settles the question on its own (e.g. nothing to push into), whatever
 *                 the weights say
 */
public record Factor(String name, ServiceSetting direction, int weight, String evidence, boolean decisive) {

    public static Factor of(String name, ServiceSetting direction, int weight, String evidence) {
        return new Factor(name, direction, weight, evidence, false);
    }
}
