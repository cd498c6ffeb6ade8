package org.iepservices.reporting.progress.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrendTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);

    /** One measurement per week, on Mondays. */
    private static List<Measurement> weekly(double... values) {
        List<Measurement> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new Measurement(MONDAY.plusWeeks(i), values[i]));
        }
        return list;
    }

    @Test
    void aSteadyRiseIsImprovingWithItsSlopePerWeek() {
        Trend trend = Trend.fit(weekly(40, 45, 50, 55), 6, 3, 1.0);
        assertEquals(TrendDirection.IMPROVING, trend.direction());
        assertEquals(5.0, trend.slopePerWeek(), 1e-9);
        assertEquals(4, trend.pointsUsed());
        assertEquals(MONDAY, trend.from());
        assertEquals(MONDAY.plusWeeks(3), trend.to());
        // the line passes through the points, so it predicts the next week's 60
        assertEquals(60.0, trend.valueOn(MONDAY.plusWeeks(4)), 1e-9);
    }

    @Test
    void leastSquaresOfScatteredPoints() {
        // x = 0, 7, 14 days, y = 50, 70, 60: slope = sum(dx*dy) / sum(dx^2) = 70 / 98 per day = 5 per week
        Trend trend = Trend.fit(weekly(50, 70, 60), 6, 3, 1.0);
        assertEquals(5.0, trend.slopePerWeek(), 1e-9);
        assertEquals(TrendDirection.IMPROVING, trend.direction());
    }

    @Test
    void onlyTheLastWindowCounts() {
        // an early climb, then a decline over the last 4 points
        Trend trend = Trend.fit(weekly(10, 30, 50, 70, 66, 62, 58), 4, 3, 1.0);
        assertEquals(4, trend.pointsUsed());
        assertEquals(TrendDirection.DECLINING, trend.direction());
        assertEquals(-4.0, trend.slopePerWeek(), 1e-9);
        assertEquals(MONDAY.plusWeeks(3), trend.from());
    }

    @Test
    void aSlopeWithinTheThresholdIsFlatAndJustOutsideIsNot() {
        assertEquals(TrendDirection.FLAT, Trend.fit(weekly(60, 61, 62), 6, 3, 1.0).direction()); // exactly +1/week
        assertEquals(TrendDirection.FLAT, Trend.fit(weekly(62, 61, 60), 6, 3, 1.0).direction()); // exactly -1/week
        assertEquals(TrendDirection.IMPROVING, Trend.fit(weekly(60, 61.5, 63), 6, 3, 1.0).direction());
        assertEquals(TrendDirection.DECLINING, Trend.fit(weekly(63, 61.5, 60), 6, 3, 1.0).direction());
    }

    @Test
    void tooFewPointsOrAllOnOneDayGiveNoTrend() {
        Trend two = Trend.fit(weekly(40, 80), 6, 3, 1.0);
        assertEquals(TrendDirection.INSUFFICIENT_DATA, two.direction());
        assertNull(two.slopePerWeek());
        assertFalse(two.fitted());

        List<Measurement> sameDay = List.of(new Measurement(MONDAY, 40), new Measurement(MONDAY, 60),
                new Measurement(MONDAY, 80));
        assertEquals(TrendDirection.INSUFFICIENT_DATA, Trend.fit(sameDay, 6, 3, 1.0).direction());
        assertThrows(IllegalStateException.class, () -> two.valueOn(MONDAY));
    }
}
