package org.iepservices.schedule.recommendation;

import org.iepservices.events.ActivitySubject;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The suggested setting mix for one mandate, with every factor that led to it and, for each
 * push-in session, the class activity block it should join.
 *
 * @param pushInWeight  sum of the weights of the factors for push-in
 * @param pullOutWeight sum of the weights of the factors for pull-out
 * @param changesSplit  the suggestion differs from the mandate's current split
 */
public record SettingRecommendation(int sessionsPerInterval, int minutesPerSession, int pushInSessions,
                                    int pullOutSessions, int pushInWeight, int pullOutWeight, boolean changesSplit,
                                    List<Factor> factors, List<PushInBlock> pushInBlocks, String summary) {

    /** The block suggested for push-in session {@code session} (1-based), and why it was chosen. */
    public record PushInBlock(int session, UUID blockId, DayOfWeek day, LocalTime start, LocalTime end,
                              ActivitySubject subject, int fitScore, String why) {
    }
}
