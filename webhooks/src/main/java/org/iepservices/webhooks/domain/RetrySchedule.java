package org.iepservices.webhooks.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code initial} doubling per failed attempt up to {@code max}, with up
 * to 10% added at random so that the deliveries that failed together (a receiver that was down) do not all come
 * back in the same second. After {@code maxAttempts} failed attempts the delivery is FAILED; a person may
 * redeliver it, which gives it {@code maxAttempts} more.
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs 0 < initial <= max and maxAttempts >= 1");
        }
    }

    /** The wait before the next attempt after {@code failedAttempts} failures (1 = the first failed), without jitter. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The backoff plus up to 10% ({@code random} in [0, 1)). */
    public Duration backoff(int failedAttempts, double random) {
        Duration base = backoff(failedAttempts);
        return base.plusMillis((long) (base.toMillis() * 0.1 * random));
    }

    /** True when a delivery that failed {@code failedAttemptsThisRound} times since its last (re)delivery gives up. */
    public boolean exhausted(int failedAttemptsThisRound) {
        return failedAttemptsThisRound >= maxAttempts;
    }
}
