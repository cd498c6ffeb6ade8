package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a family summary in one language: every sentence is a {@link MessageFormat} pattern
 * of the bundle {@code i18n/family-summary} (plurals by {@code choice}), numbers and dates in the
 * language's conventions. The sentences are built from the same structured facts in every language;
 * only the words differ. A language is added with a bundle {@code family-summary_<tag>.properties}
 * holding every key of the English one, and its tag in {@link #SUPPORTED}. Codes the bundle does not
 * know (a new service type, a new miss reason) are shown in lower case rather than guessed at.
 */
public final class FamilyWords {

    public static final String BUNDLE = "i18n.family-summary";

    /** The languages summaries are written in, English first (the fallback). */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    public static final FamilyWords ENGLISH = of(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    private FamilyWords(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: a missing language is English, whatever the server runs in.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, FamilyWords.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale);
    }

    /** The words of {@code locale}'s language when supported, else English. */
    public static FamilyWords of(Locale locale) {
        Locale supported = supported(locale);
        return new FamilyWords(supported == null ? Locale.ENGLISH : supported);
    }

    /** The supported language {@code locale} asks for (by language, ignoring region: es-MX is es), or null. */
    static Locale supported(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    /**
     * The language of a summary: {@code lang} when it names a supported language (a guardian's home
     * language, given explicitly), else the first supported language of {@code acceptable} (the
     * Accept-Language header, best first), else English. A wildcard or an unknown language falls
     * through to the next choice.
     */
    public static FamilyWords choose(String lang, Collection<Locale> acceptable) {
        if (lang != null && !lang.isBlank()) {
            Locale asked = supported(Locale.forLanguageTag(lang.trim()));
            if (asked != null) {
                return of(asked);
            }
        }
        if (acceptable != null) {
            for (Locale l : acceptable) {
                Locale asked = supported(l);
                if (asked != null) {
                    return of(asked);
                }
            }
        }
        return ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag of the language, as Content-Language says it ("en", "es"). */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** The bundle's keys (for checking that another language has them all). */
    public static List<String> keys(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale, FamilyWords.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return b.keySet().stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** The text of {@code key} with {@code args} put in. */
    public String text(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** "72", "66.7" (English) or "66,7" (Spanish): at most one decimal, halves up, no grouping. */
    public String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale));
        format.setGroupingUsed(false);
        return format.format(rounded);
    }

    /** "3 sessions", "1 sesión": {@code unit} is a key {@code unit.*} with the count's plural forms. */
    public String count(long n, String unit) {
        return text("unit." + unit, n, number(n));
    }

    /** A value in the goal's metric with its unit: "70%", "4", "45 seconds", "3 out of 4". */
    public String value(double value, GoalMetric metric, GoalSpec spec) {
        String number = number(value);
        if (metric == GoalMetric.SCORE && spec != null && spec.scaleMax() != null) {
            return text("value.SCORE.scale", number, number(spec.scaleMax()));
        }
        return text("value." + metric.name(), number, roundedForPlural(value));
    }

    /** A change per week in the metric's unit: "14.1 percentage points". */
    public String rate(double value, GoalMetric metric) {
        return text("rate." + metric.name(), number(value));
    }

    public String setting(ServiceSetting setting) {
        return text(setting == null ? "setting.none" : "setting." + setting.name());
    }

    public String service(String serviceType) {
        if (serviceType == null) {
            return text("service.none");
        }
        return has("service." + serviceType) ? text("service." + serviceType) : code(serviceType);
    }

    /** Completes "... did not take place because ..." (the language's own form of it). */
    public String missReason(String reason) {
        if (reason == null) {
            return text("miss.none");
        }
        return has("miss." + reason) ? text("miss." + reason) : text("miss.unknown", code(reason));
    }

    /** Completes "... worked on it ..."; null when the cue level is not one we know. */
    public String cue(String cueLevel) {
        return cueLevel != null && has("cue." + cueLevel) ? text("cue." + cueLevel) : null;
    }

    /** A goal area in words; an area the bundle does not know in lower case. */
    public String area(String area) {
        if (area == null) {
            return null;
        }
        return has("area." + area) ? text("area." + area) : code(area);
    }

    static String code(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The value the plural form is chosen by: the number as shown (1.04 shows "1" and is singular). */
    private static double roundedForPlural(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
