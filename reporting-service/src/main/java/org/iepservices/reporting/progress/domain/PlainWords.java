package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How codes and numbers from the events read in sentences for families: dates spelled out,
 * settings and miss reasons in words, numbers without spurious decimals. Codes this class does not
 * know are shown in lower case rather than guessed at.
 */
public final class PlainWords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private static final Map<String, String> SERVICES = Map.of(
            "SPEECH_LANGUAGE", "speech-language therapy",
            "OCCUPATIONAL_THERAPY", "occupational therapy",
            "PHYSICAL_THERAPY", "physical therapy",
            "COUNSELING", "counseling");

    private static final Map<String, String> MISS_REASONS = Map.of(
            "STUDENT_ABSENT", "the student was absent",
            "STUDENT_UNAVAILABLE", "the student was unavailable",
            "PROVIDER_ABSENT", "the provider was absent",
            "PROVIDER_REASSIGNED", "the provider was reassigned to other duties",
            "SCHOOL_CLOSED", "school was closed",
            "SCHEDULING_ERROR", "of a scheduling error",
            "OTHER", "of another reason");

    private static final Map<String, String> CUES = Map.of(
            "INDEPENDENT", "independently, without cues",
            "MINIMAL", "with minimal cues (reminders or hints)",
            "MODERATE", "with moderate cues",
            "MAXIMAL", "with maximal cues (a lot of help)");

    private PlainWords() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "1 session", "3 sessions". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** 72.0 reads "72", 66.6667 reads "66.7". */
    public static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    public static String value(double value, GoalMetric metric) {
        return number(value) + metric.suffix();
    }

    public static String setting(ServiceSetting setting) {
        if (setting == null) {
            return "in an unrecorded setting";
        }
        return setting == ServiceSetting.PUSH_IN ? "in the classroom (push-in)" : "in a therapy room (pull-out)";
    }

    public static String service(String serviceType) {
        if (serviceType == null) {
            return "the service";
        }
        return SERVICES.getOrDefault(serviceType, code(serviceType));
    }

    /** Completes "... did not take place because ...". */
    public static String missReason(String reason) {
        return reason == null ? "of a reason that was not recorded"
                : MISS_REASONS.getOrDefault(reason, "of the reason \"" + code(reason) + "\"");
    }

    /** Completes "... worked on it ..."; null when the cue level is not one we know. */
    public static String cue(String cueLevel) {
        return cueLevel == null ? null : CUES.get(cueLevel);
    }

    static String code(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
