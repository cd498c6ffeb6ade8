package org.iepservices.reporting.progress.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A progress summary for a student's family over a reporting period, in plain language. Every
 * sentence names the records it was built from ({@code basis}: {@code session:<id>},
 * {@code miss:<id>}, {@code goal:<id>}, {@code point:<sessionLogId>/<goalId>}, {@code iep:<id>},
 * {@code student:<id>}), so nothing in it can be something the data does not say. The same facts
 * give the same sentences in every language ({@code lang}); only the words differ.
 */
public record ParentSummary(UUID studentId, String studentName, LocalDate from, LocalDate to,
                            List<Sentence> overview, List<GoalSection> goals, List<Sentence> providerNotes,
                            @Schema(description = "The language the sentences are written in (BCP 47: en, es), as the "
                                    + "Content-Language header says") String lang) {

    public record Sentence(String text, List<String> basis) {
        public Sentence {
            basis = List.copyOf(basis);
        }
    }

    /** What the period says about one goal; the heading is the goal as the IEP words it. */
    public record GoalSection(UUID goalId, String heading, String area, String areaWords, boolean hasData,
                              int dataPoints, List<Sentence> sentences) {
    }
}
