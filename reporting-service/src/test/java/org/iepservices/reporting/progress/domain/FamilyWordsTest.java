package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The bundles: complete in every language, valid patterns, and the choice of language. */
class FamilyWordsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void everyEnglishKeyExistsInEveryOtherLanguageAndNoOtherKeys() {
        Set<String> english = new TreeSet<>(FamilyWords.keys(Locale.ENGLISH));
        assertTrue(english.size() > 80, "the English bundle was read: " + english.size());
        for (Locale language : FamilyWords.SUPPORTED) {
            Set<String> keys = new TreeSet<>(FamilyWords.keys(language));
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            assertEquals(Set.of(), missing, "keys missing in " + language);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertEquals(Set.of(), extra, "keys of " + language + " that English does not have");
        }
    }

    @Test
    void everyTextIsAValidMessagePatternInEveryLanguage() {
        for (Locale language : FamilyWords.SUPPORTED) {
            ResourceBundle bundle = ResourceBundle.getBundle(FamilyWords.BUNDLE, language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                if (key.equals("date.pattern")) {
                    continue;
                }
                String text = assertDoesNotThrow(() -> new MessageFormat(bundle.getString(key), language)
                        .format(new Object[]{1, 2, 1, 4, 5}), language + " " + key);
                assertFalse(text.contains("{") || text.contains("}"), language + " " + key + ": " + text);
            }
        }
    }

    @Test
    void theLanguageIsLangThenAcceptLanguageThenEnglish() {
        assertEquals("es", FamilyWords.choose("es", List.of(Locale.ENGLISH)).languageTag());
        assertEquals("es", FamilyWords.choose(null, List.of(Locale.forLanguageTag("es-MX"))).languageTag());
        assertEquals("es", FamilyWords.choose("vi", List.of(Locale.FRENCH, SPANISH)).languageTag());
        assertEquals("en", FamilyWords.choose(null, List.of(Locale.FRENCH, Locale.GERMAN)).languageTag());
        assertEquals("en", FamilyWords.choose("", List.of()).languageTag());
        assertEquals("en", FamilyWords.choose(null, null).languageTag());
        assertEquals("en", FamilyWords.choose(null, List.of(new Locale("*"))).languageTag());
        assertEquals("en", FamilyWords.of(Locale.JAPANESE).languageTag());
    }

    @Test
    void numbersDatesAndPluralsFollowTheLanguage() {
        FamilyWords es = FamilyWords.of(SPANISH);
        FamilyWords en = FamilyWords.ENGLISH;
        assertEquals("14,1", es.number(14.08));
        assertEquals("14.1", en.number(14.08));
        assertEquals("1200", en.number(1200), "no grouping: minutes read as counted");
        assertEquals("15 de septiembre de 2026", es.date(LocalDate.of(2026, 9, 15)));
        assertEquals("September 15, 2026", en.date(LocalDate.of(2026, 9, 15)));
        assertEquals("1 sesión", es.count(1, "session"));
        assertEquals("3 sesiones", es.count(3, "session"));
        assertEquals("0 sessions", en.count(0, "session"));
        assertEquals("1 second", en.value(1, GoalMetric.SECONDS, GoalSpec.UNKNOWN));
        assertEquals("1,5 minutos", es.value(1.5, GoalMetric.MINUTES, GoalSpec.UNKNOWN));
        assertEquals("3 de 4", es.value(3, GoalMetric.SCORE, new GoalSpec("RUBRIC", null, null, null, null, 1, 4)));
        assertEquals("en una sala de terapia", es.setting(ServiceSetting.PULL_OUT));
        assertEquals("new service", es.service("NEW_SERVICE"), "an unknown code is shown, not guessed at");
    }

    @Test
    void aSpanishSummaryOfAReductionGoalCallsFallingNumbersProgress() {
        UUID goal = UUID.randomUUID();
        List<GoalDataPoint> points = new ArrayList<>();
        int[] counts = {9, 7, 5, 4};
        for (int i = 0; i < counts.length; i++) {
            points.add(new GoalDataPoint(UUID.randomUUID(), goal, LocalDate.of(2026, 9, 14).plusWeeks(i),
                    i % 2 == 0 ? ServiceSetting.PULL_OUT : ServiceSetting.PUSH_IN, "FREQUENCY", null, null, null,
                    counts[i], null, null, "MINIMAL", null, null));
        }
        GoalSpec spec = new GoalSpec("FREQUENCY", GoalDirection.DECREASE, null, 2.0, null, null, null);
        GoalEvaluation evaluation = GoalEvaluation.of(spec, LocalDate.of(2027, 6, 18), points, ProgressRules.DEFAULTS);
        ParentSummaryWriter.Facts facts = new ParentSummaryWriter.Facts(UUID.randomUUID(), null,
                LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9), List.of(), List.of(),
                List.of(new ParentSummaryWriter.GoalFact(goal, UUID.randomUUID(), "Menos tartamudeos", "FLUENCY", null,
                        null, LocalDate.of(2027, 6, 18), points, evaluation)));

        ParentSummary es = new ParentSummaryWriter(ProgressRules.DEFAULTS, FamilyWords.of(SPANISH)).write(facts);
        assertEquals("es", es.lang());
        List<String> goalText = es.goals().get(0).sentences().stream().map(ParentSummary.Sentence::text).toList();
        String all = String.join("\n", goalText);
        assertTrue(all.contains("Se trabajó en esta meta en 4 sesiones: 2 en el salón de clases y 2 en una sala de "
                + "terapia."), all);
        assertTrue(all.contains("Los conteos fueron de 4 a 9. El más reciente, del 5 de octubre de 2026, fue 4."), all);
        assertTrue(all.contains("el/la estudiante trabajó con un poco de ayuda"), all);
        assertTrue(all.contains("los resultados bajaron unos 1,7 por sesión por semana."), all);
        assertTrue(all.contains("En esta meta, los números más bajos son mejores. Así que esto es un avance."), all);
        assertTrue(all.contains("El objetivo del IEP es 2 o menos."), all);
        assertTrue(all.contains("Eso alcanza el objetivo."), all);
        String overview = String.join("\n", es.overview().stream().map(ParentSummary.Sentence::text).toList());
        assertTrue(overview.contains("El nombre del/de la estudiante todavía no llegó"), overview);
        assertTrue(overview.contains("No se anotaron sesiones para el/la estudiante del 14 de septiembre de 2026 al "
                + "9 de octubre de 2026."), overview);

        ParentSummary en = new ParentSummaryWriter(ProgressRules.DEFAULTS).write(facts);
        String english = String.join("\n", en.goals().get(0).sentences().stream()
                .map(ParentSummary.Sentence::text).toList());
        assertTrue(english.contains("results have been going down, by about 1.7 per session per week."), english);
        assertTrue(english.contains("For this goal, lower numbers are better. So this is progress."), english);
        assertEquals(en.goals().get(0).sentences().size(), es.goals().get(0).sentences().size(),
                "the same facts give the same sentences in every language");
    }
}
