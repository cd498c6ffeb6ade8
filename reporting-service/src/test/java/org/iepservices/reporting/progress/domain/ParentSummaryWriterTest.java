package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ParentSummaryWriterTest {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 14);
    private static final LocalDate TO = LocalDate.of(2026, 10, 9);
    private static final UUID STUDENT = UUID.randomUUID();
    private final ParentSummaryWriter writer = new ParentSummaryWriter(ProgressRules.DEFAULTS);

    private final UUID retell = UUID.randomUUID();
    private final UUID articulation = UUID.randomUUID();
    private final UUID iep = UUID.randomUUID();

    private static ParentSummaryWriter.SessionFact session(String date, ServiceSetting setting, int minutes,
                                                           String note) {
        return new ParentSummaryWriter.SessionFact(UUID.randomUUID(), LocalDate.parse(date), setting, minutes, 0,
                "SPEECH_LANGUAGE", "Dana Whitfield", note);
    }

    private GoalDataPoint point(UUID goal, ParentSummaryWriter.SessionFact s, Integer correct, Integer total,
                                String cue) {
        return new GoalDataPoint(s.sessionLogId(), goal, s.date(), s.setting(), "TRIALS", correct, total, null, null,
                null, null, cue, null, "anecdotal: needed a visual model");
    }

    private ParentSummaryWriter.GoalFact goal(UUID id, String description, Integer target, List<GoalDataPoint> points) {
        GoalEvaluation evaluation = GoalEvaluation.of("PERCENT_ACCURACY", target, LocalDate.of(2027, 6, 18), points,
                ProgressRules.DEFAULTS);
        return new ParentSummaryWriter.GoalFact(id, iep, description, "EXPRESSIVE_LANGUAGE", null, target,
                LocalDate.of(2027, 6, 18), points, evaluation);
    }

    private static String text(ParentSummary summary) {
        return Stream.of(summary.overview().stream(),
                        summary.goals().stream().flatMap(g -> g.sentences().stream()),
                        summary.providerNotes().stream())
                .flatMap(s -> s).map(ParentSummary.Sentence::text).collect(Collectors.joining("\n"));
    }

    @Test
    void theSummaryStatesTheRealNumbersAndQuotesTheNoteAsWritten() {
        var s1 = session("2026-09-15", ServiceSetting.PULL_OUT, 30, "Maya used her \"story map\" & retold 3 parts <well>.");
        var s2 = session("2026-09-17", ServiceSetting.PUSH_IN, 30, null);
        var s3 = session("2026-09-22", ServiceSetting.PULL_OUT, 30, null);
        var s4 = session("2026-09-29", ServiceSetting.PULL_OUT, 25, "  ");
        List<GoalDataPoint> points = List.of(point(retell, s1, 4, 10, "MAXIMAL"), point(retell, s2, 5, 10, "MODERATE"),
                point(retell, s3, 6, 10, "MODERATE"), point(retell, s4, 7, 10, "MINIMAL"));
        var miss = new ParentSummaryWriter.MissFact(UUID.randomUUID(), LocalDate.of(2026, 9, 24),
                ServiceSetting.PUSH_IN, 30, "PROVIDER_ABSENT", "OWED");

        ParentSummary summary = writer.write(new ParentSummaryWriter.Facts(STUDENT, "Maya", FROM, TO,
                List.of(s1, s2, s3, s4), List.of(miss),
                List.of(goal(retell, "Retell a story with beginning, middle and end", 80, points),
                        goal(articulation, "Produce /r/ in words", 80, List.of()))));
        String text = text(summary);

        assertTrue(text.contains("This summary covers September 14, 2026 to October 9, 2026."), text);
        assertTrue(text.contains("Maya attended 4 sessions for a total of 115 minutes: 30 in the classroom (push-in) "
                + "and 85 in a therapy room (pull-out)."), text);
        assertTrue(text.contains("On September 24, 2026 a 30-minute session in the classroom (push-in) did not take "
                + "place because the provider was absent."), text);
        assertTrue(text.contains("Under district policy 30 minutes are owed to Maya as makeup sessions."), text);

        ParentSummary.GoalSection retelling = summary.goals().get(0);
        assertTrue(retelling.hasData());
        assertEquals(4, retelling.dataPoints());
        String goalText = retelling.sentences().stream().map(ParentSummary.Sentence::text)
                .collect(Collectors.joining("\n"));
        assertTrue(goalText.contains("It was worked on in 4 sessions: 1 in the classroom and 3 in a therapy room."),
                goalText);
        assertTrue(goalText.contains("Scores ranged from 40% to 70%; the most recent, on September 29, 2026, was 70% "
                + "(7 of 10 correct)."), goalText);
        assertTrue(goalText.contains("(September 29, 2026), Maya worked on it with minimal cues"), goalText);
        // 40, 50, 60, 70 on days 0, 2, 7, 14: least squares gives 235 / 116.75 per day = 14.1 points per week
        assertTrue(goalText.contains("Over the last 4 data points (September 15, 2026 to September 29, 2026), "
                + "results have been going up, by about 14.1 percentage points per week."), goalText);
        assertTrue(goalText.contains("The IEP target is 80%."), goalText);
        assertTrue(goalText.contains("which reaches the target"), goalText);

        // The note as written, unescaped here (escaping is the HTML page's job), and a blank note is no note.
        assertEquals(1, summary.providerNotes().size());
        assertEquals("On September 15, 2026 (speech-language therapy, in a therapy room (pull-out)), Dana Whitfield "
                + "wrote: \u201cMaya used her \"story map\" & retold 3 parts <well>.\u201d",
                summary.providerNotes().get(0).text());
        assertEquals(List.of("session:" + s1.sessionLogId()), summary.providerNotes().get(0).basis());
        // Anecdotal goal-data notes are clinical: never in the family summary.
        assertFalse(text.contains("anecdotal"), text);
    }

    @Test
    void aGoalWithoutDataGetsOneSentenceAndNoNumbers() {
        var s1 = session("2026-09-15", ServiceSetting.PULL_OUT, 30, null);
        ParentSummary summary = writer.write(new ParentSummaryWriter.Facts(STUDENT, "Maya", FROM, TO, List.of(s1),
                List.of(), List.of(goal(articulation, "Produce /r/ in words", 80, List.of()))));
        ParentSummary.GoalSection section = summary.goals().get(0);
        assertFalse(section.hasData());
        assertEquals("Produce /r/ in words", section.heading());
        assertEquals(1, section.sentences().size());
        assertEquals("No data was recorded for this goal in this period.", section.sentences().get(0).text());
        assertFalse(section.sentences().get(0).text().matches(".*\\d.*"), "no numbers for a goal without data");
    }

    @Test
    void missingDataIsSaidToBeMissing() {
        ParentSummary summary = writer.write(new ParentSummaryWriter.Facts(STUDENT, null, FROM, TO, List.of(),
                List.of(), List.of(new ParentSummaryWriter.GoalFact(retell, null, null, null, null, null, null,
                        List.of(), GoalEvaluation.of(null, null, null, List.of(), ProgressRules.DEFAULTS)))));
        String text = text(summary);
        assertTrue(text.contains("The student's name has not reached the reporting system yet."), text);
        assertTrue(text.contains("No sessions were recorded for the student from September 14, 2026 to "
                + "October 9, 2026."), text);
        assertTrue(text.contains("No progress notes were written in this period."), text);
        assertEquals("A goal whose wording has not reached the reporting system yet", summary.goals().get(0).heading());
        assertFalse(text.contains("did not take place"), text);
    }

    @Test
    void tooFewPointsGiveNoTrendAndNoStatus() {
        var s1 = session("2026-09-15", ServiceSetting.PUSH_IN, 30, null);
        var s2 = session("2026-09-17", ServiceSetting.PUSH_IN, 30, null);
        List<GoalDataPoint> points = List.of(point(retell, s1, 8, 10, null), point(retell, s2, 9, 10, null));
        ParentSummary summary = writer.write(new ParentSummaryWriter.Facts(STUDENT, "Maya", FROM, TO, List.of(s1, s2),
                List.of(), List.of(goal(retell, "Retell a story", 80, points))));
        List<String> sentences = summary.goals().get(0).sentences().stream().map(ParentSummary.Sentence::text).toList();
        assertTrue(sentences.contains("There are not yet enough data points on different days to describe a trend "
                + "(2 so far; at least 3 are needed)."), sentences.toString());
        assertTrue(sentences.stream().noneMatch(s -> s.contains("If the trend continues")), sentences.toString());
        assertTrue(sentences.stream().noneMatch(s -> s.contains("at or above the target")), sentences.toString());
    }

    @Test
    void everySentenceNamesItsBasisExceptThePeriodAndNoNotesLines() {
        var s1 = session("2026-09-15", ServiceSetting.PULL_OUT, 30, "Good focus.");
        var s2 = session("2026-09-22", ServiceSetting.PULL_OUT, 30, null);
        var s3 = session("2026-09-29", ServiceSetting.PUSH_IN, 30, null);
        List<GoalDataPoint> points = new ArrayList<>(List.of(point(retell, s1, 5, 10, null),
                point(retell, s2, 6, 10, null), point(retell, s3, 9, 10, null)));
        ParentSummary summary = writer.write(new ParentSummaryWriter.Facts(STUDENT, "Maya", FROM, TO,
                List.of(s1, s2, s3), List.of(), List.of(goal(retell, "Retell a story", 80, points))));
        summary.overview().stream().skip(1).forEach(s -> assertFalse(s.basis().isEmpty(), s.text()));
        summary.goals().get(0).sentences().forEach(s -> assertFalse(s.basis().isEmpty(), s.text()));
        assertTrue(summary.goals().get(0).sentences().get(1).basis().contains("point:" + s3.sessionLogId() + "/" + retell));
    }
}
