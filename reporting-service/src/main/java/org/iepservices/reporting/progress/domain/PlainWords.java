package org.iepservices.reporting.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and numbers in the English of the staff-facing API (goal progress explanations, chart
 * labels): dates spelled out, numbers without spurious decimals. Family summaries are written in the
 * family's language by {@link FamilyWords}.
 */
public final class PlainWords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private PlainWords() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
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
}
