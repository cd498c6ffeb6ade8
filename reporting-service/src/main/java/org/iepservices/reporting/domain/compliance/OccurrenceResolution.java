package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a student's series really schedules: the occurrences of its latest full state, with the
 * moves and cancellations published after that state applied, the series' own end, and closures
 * of the school. A series state (SessionSeriesScheduled/Changed) already has earlier moves and
 * cancellations applied, so only facts recorded at or after it count; among a move and a
 * cancellation of one occurrence the later one wins. Resolving from all facts at once makes the
 * result independent of the order the events arrived in.
 */
public final class OccurrenceResolution {

    public record Planned(UUID occurrenceId, LocalDate date, LocalTime startTime, int minutes,
                          List<SubjectMinutes> coreOverlap) {
    }

    public record Move(UUID occurrenceId, LocalDate movedTo, LocalTime startTime, int minutes,
                       List<SubjectMinutes> coreOverlap, OffsetDateTime time) {
    }

    public record Cancellation(UUID occurrenceId, String reason, OffsetDateTime time) {
    }

    public record SeriesEnd(LocalDate effectiveFrom, OffsetDateTime time) {
    }

    /** One occurrence as it stands: {@code scheduled} false when it will not (or did not) take place. */
    public record Resolved(UUID occurrenceId, LocalDate date, LocalTime startTime, int minutes,
                           List<SubjectMinutes> coreOverlap, boolean scheduled, String cancelReason) {
    }

    public static final String SCHOOL_CLOSED = "SCHOOL_CLOSED";
    public static final String SERIES_CANCELLED = "SERIES_CANCELLED";
    /** The school calendar plans no instruction that day (holiday, break, professional day, summer). */
    public static final String NON_INSTRUCTIONAL_DAY = "NON_INSTRUCTIONAL_DAY";

    private OccurrenceResolution() {
    }

    public static List<Resolved> resolve(OffsetDateTime stateTime, List<Planned> planned, Map<UUID, Move> moves,
                                         Map<UUID, Cancellation> cancellations, SeriesEnd seriesEnd,
                                         SchoolCalendar calendar) {
        List<Resolved> result = new ArrayList<>();
        for (Planned p : planned) {
            Move move = moves.get(p.occurrenceId());
            if (move != null && move.time().isBefore(stateTime)) {
                move = null;
            }
            Cancellation cancel = cancellations.get(p.occurrenceId());
            if (cancel != null && (cancel.time().isBefore(stateTime)
                    || (move != null && cancel.time().isBefore(move.time())))) {
                cancel = null;
            }
            LocalDate date = move != null ? move.movedTo() : p.date();
            LocalTime start = move != null ? move.startTime() : p.startTime();
            int minutes = move != null ? move.minutes() : p.minutes();
            List<SubjectMinutes> core = move != null ? move.coreOverlap() : p.coreOverlap();
            String reason = null;
            if (cancel != null) {
                reason = cancel.reason() == null ? "OTHER" : cancel.reason();
            } else if (seriesEnd != null && !seriesEnd.time().isBefore(stateTime)
                    && !date.isBefore(seriesEnd.effectiveFrom())) {
                reason = SERIES_CANCELLED;
            } else if (calendar.isClosed(date)) {
                reason = SCHOOL_CLOSED;
            } else if (!calendar.isInstructional(date) && (calendar.isNonInstructional(date)
                    || !calendar.inSchoolYear(date))) {
                reason = NON_INSTRUCTIONAL_DAY;
            }
            result.add(new Resolved(p.occurrenceId(), date, start, minutes, core, reason == null, reason));
        }
        return result;
    }
}
