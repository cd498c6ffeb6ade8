package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A small district loaded through the public APIs only, the way its integrations and users would:
 * the SIS roster as a OneRoster zip, bell schedules and calendars, IEPs (speech and OT, push-in and
 * pull-out mixed), class activity blocks, provider availability, each provider's week planned by
 * the automatic scheduler and accepted as recurring series, then the last three school weeks
 * documented from those occurrences (goal data, push-in context, about one session in eight
 * missed, a few makeups) and a closure ahead that puts some students at risk. Seeded: every run
 * tells the same story relative to today.
 */
public final class DemoData {

    public record Summary(int schools, int providers, int students, int series, int sessionLogs, int misses, int makeups) {
        @Override
        public String toString() {
            return schools + " schools, " + providers + " providers, " + students + " students with active IEPs, "
                    + series + " recurring series planned by the scheduler, " + sessionLogs
                    + " completed session logs, " + misses + " misses, " + makeups + " makeups";
        }
    }

    private static final int STUDENTS = 40;
    private static final Duration PROPAGATION = Duration.ofSeconds(120);
    private static final String[] MISS_REASONS = {"STUDENT_ABSENT", "PROVIDER_ABSENT", "PROVIDER_REASSIGNED",
            "STUDENT_UNAVAILABLE", "SCHEDULING_ERROR"};

    private final ApiClient students;
    private final ApiClient schedule;
    private final ApiClient sessions;
    private final ApiClient reporting;
    private final String sisToken;
    private final TokenIssuer tokens;
    private final Random random = new Random(20260914L);
    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
    private final Consumer<String> progress;
    private final long started = System.nanoTime();

    /**
     * The district's data coordinator loads everything but the roster, which comes from the SIS
     * integration with its own, narrower token.
     */
    public DemoData(LocalSystem system) {
        this(system, stage -> { });
    }

    /**
     * As above, telling {@code progress} what each stage made as it finishes (the run command prints
     * it, so a newcomer sees the ~90 s of loading move instead of a silent terminal).
     */
    public DemoData(LocalSystem system, Consumer<String> progress) {
        this.progress = progress;
        String admin = system.tokens().token("demo-coordinator", "district-admin").name("Demo Coordinator").sign();
        this.sisToken = system.tokens().token("demo-sis", "sis-integration").name("Demo SIS").sign();
        this.tokens = system.tokens();
        this.students = new ApiClient(system.service(ServiceLayout.STUDENT).baseUrl(), admin);
        this.schedule = new ApiClient(system.service(ServiceLayout.SCHEDULE).baseUrl(), admin);
        this.sessions = new ApiClient(system.service(ServiceLayout.SESSION).baseUrl(), admin);
        this.reporting = new ApiClient(system.service(ServiceLayout.REPORTING).baseUrl(), admin);
    }

    /** What the demo made, for the run command to print ready-to-use ids and tokens. */
    public record Loaded(Summary summary, UUID districtId, Map<String, UUID> schools, Map<String, UUID> staff,
                  List<UUID> students) {
    }

    public Loaded load() {
        int startYear = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        LocalDate firstDay = LocalDate.of(startYear, 9, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        LocalDate lastDay = LocalDate.of(startYear + 1, 6, 18);
        String schoolYear = startYear + "-" + (startYear + 1);

        // 1. The SIS roster, as a district integration sends it.
        JsonNode report = students.as(sisToken).postBytes("/api/v1/roster/imports", "application/zip",
                DemoRoster.zip(STUDENTS, firstDay, lastDay));
        if (!"APPLIED".equals(report.path("outcome").asText())) {
            throw new IllegalStateException("the demo roster was not applied: " + report);
        }
        Map<String, UUID> schools = new LinkedHashMap<>();
        UUID districtId = null;
        for (JsonNode s : students.get("/api/v1/schools?limit=500")) {
            if (!List.of(DemoRoster.SCHOOLS).contains(s.path("sourcedId").asText())) {
                continue; // a school someone created by hand, not the SIS's
            }
            schools.put(s.path("sourcedId").asText(), UUID.fromString(s.get("id").asText()));
            if (!s.path("districtId").isNull() && !s.path("districtId").isMissingNode()) {
                districtId = UUID.fromString(s.get("districtId").asText());
            }
        }
        Map<String, UUID> staff = new LinkedHashMap<>();
        for (JsonNode s : students.get("/api/v1/staff?limit=500")) {
            staff.put(s.path("sourcedId").asText(), UUID.fromString(s.get("id").asText()));
        }
        Map<String, UUID> classes = new LinkedHashMap<>();
        for (JsonNode c : students.get("/api/v1/classes?limit=500")) {
            classes.put(c.path("sourcedId").asText(), UUID.fromString(c.get("id").asText()));
        }
        List<UUID> studentIds = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            JsonNode found = students.get("/api/v1/students?sourcedId=" + DemoRoster.studentId(i));
            studentIds.add(UUID.fromString(found.get(0).get("id").asText()));
        }
        stage("roster imported (OneRoster 1.1 zip): " + schools.size() + " schools, " + staff.size() + " staff, "
                + classes.size() + " classes, " + studentIds.size() + " students");

        // The district excuses sessions that fall on a holiday (its holiday policy; PRORATE is the other).
        reporting.put("/api/v1/districts/" + districtId + "/compliance-policy", Map.of("holidayPolicy", "EXCUSE"));

        // 2. The school day and year.
        for (UUID school : schools.values()) {
            schedule.post("/api/v1/schools/" + school + "/bell-schedules", bellSchedule("Regular", true, LocalTime.of(15, 0)));
            schedule.post("/api/v1/schools/" + school + "/bell-schedules",
                    bellSchedule("Early release", false, LocalTime.of(12, 30)));
            schedule.put("/api/v1/schools/" + school + "/calendars/" + schoolYear, calendar(startYear, firstDay, lastDay));
        }

        stage("bell schedules and calendars for " + schools.size() + " schools (" + schoolYear + ")");

        // 3. IEPs and service profiles.
        UUID slp = staff.get("slp-whitfield");
        UUID slp2 = staff.get("slp-ortiz");
        UUID ot = staff.get("ot-tanaka");
        for (int i = 0; i < STUDENTS; i++) {
            boolean riverside = DemoRoster.schoolOf(i).equals("riverside");
            UUID speech = riverside && i % 4 == 1 ? slp : riverside ? slp2 : slp;
            iep(studentIds.get(i), startYear, i, speech, ot);
            if (i % 5 != 4) { // a few students lack a billing consent: the claims export says why
                students.put("/api/v1/students/" + studentIds.get(i) + "/service-profile", Map.of(
                        "regulationSupport", i % 7 == 0 ? "HIGH" : i % 3 == 0 ? "SOME" : "NONE",
                        "needsQuietSetting", i % 7 == 0, "medicaidId", "NY" + (10000000 + i * 7919),
                        "diagnosisCodes", List.of(i % 4 == 2 ? "F82" : "F80.0"), "billingConsentOnFile", true,
                        "billingConsentDate", firstDay.minusDays(10).toString()));
            }
        }

        stage(STUDENTS + " IEPs activated with service profiles");

        // 4. What schedule-service must know before planning: classes and every student's mandates.
        for (UUID c : classes.values()) {
            schedule.await("/api/v1/classes/" + c, n -> true, PROPAGATION);
        }
        for (UUID s : studentIds) {
            schedule.await("/api/v1/students/" + s + "/mandates", n -> n.size() > 0, PROPAGATION);
        }
        int teacherIndex = 0;
        for (Map.Entry<String, UUID> c : classes.entrySet()) {
            activityBlocks(c.getValue(), teacherIndex++);
        }
        availability(slp, schools.get("maple"), List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY));
        availability(slp, schools.get("riverside"), List.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        availability(slp2, schools.get("riverside"), List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        availability(ot, schools.get("maple"), List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        availability(ot, schools.get("riverside"), List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        for (UUID provider : List.of(slp, slp2, ot)) {
            schedule.put("/api/v1/providers/" + provider + "/limits", Map.of("maxSessionsPerDay", 12));
        }
        // Billing identities: the roster carries no NPI, so the district's billing office sets them.
        Map<UUID, String> npis = Map.of(slp, "1234567893", slp2, "1987654328", ot, "1567890128");
        for (Map.Entry<UUID, String> npi : npis.entrySet()) {
            sessions.await("/api/v1/providers/" + npi.getKey(), n -> true, PROPAGATION);
            sessions.put("/api/v1/medicaid/providers/" + npi.getKey(), Map.of("npi", npi.getValue()));
        }

        stage("class activity blocks for " + classes.size() + " classes, availability of 3 providers");

        // 5. Each provider's week planned by the automatic scheduler, accepted as series from three weeks ago.
        LocalDate firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(3);
        LocalDate from = firstMonday.isBefore(firstDay) ? firstDay : firstMonday;
        List<String> jobs = new ArrayList<>();
        for (UUID provider : List.of(slp, slp2, ot)) {
            jobs.add(schedule.post("/api/v1/scheduler/jobs", Map.of("providerId", provider, "weekOf", from.toString()))
                    .get("jobId").asText());
        }
        int series = 0;
        for (String job : jobs) {
            schedule.await("/api/v1/scheduler/jobs/" + job,
                    n -> n.path("state").asText().equals("DONE") || n.path("state").asText().equals("FAILED"),
                    Duration.ofMinutes(3));
            JsonNode accepted = schedule.post("/api/v1/scheduler/jobs/" + job + "/accept",
                    Map.of("effectiveFrom", from.toString()));
            series += accepted.path("created").size();
        }

        stage("scheduler planned each provider's week: " + series + " recurring series accepted from " + from);

        // 6. The last three school weeks documented from the schedule.
        LocalDate lastPastDay = today.minusDays(1);
        Map<UUID, JsonNode> providers = new HashMap<>();
        int logs = 0;
        int misses = 0;
        List<JsonNode> owed = new ArrayList<>();
        Map<UUID, ApiClient> tablets = new HashMap<>();
        for (UUID provider : List.of(slp, slp2, ot)) {
            // Providers document and sign their own sessions, with their own token.
            ApiClient tablet = sessions.as(tokens.token(provider.toString(), "provider")
                    .staffId(provider).sign());
            tablets.put(provider, tablet);
            JsonNode me = sessions.await("/api/v1/providers/" + provider, n -> true, PROPAGATION);
            providers.put(provider, me);
            JsonNode occurrences = tablet.await("/api/v1/providers/" + provider + "/occurrences?from=" + from
                    + "&to=" + today.plusWeeks(2), n -> n.size() > 0, PROPAGATION);
            for (JsonNode occurrence : occurrences) {
                LocalDate date = LocalDate.parse(occurrence.get("date").asText());
                if (date.isAfter(lastPastDay)) {
                    continue;
                }
                if (random.nextInt(8) == 0) {
                    String reason = MISS_REASONS[random.nextInt(MISS_REASONS.length)];
                    for (JsonNode student : occurrence.get("students")) {
                        JsonNode miss = tablet.post("/api/v1/misses", Map.of("occurrenceId",
                                occurrence.get("occurrenceId").asText(), "studentId", student.get("studentId").asText(),
                                "reason", reason));
                        misses++;
                        if ("OWED".equals(miss.path("owed").asText())) {
                            owed.add(miss);
                        }
                    }
                    continue;
                }
                String log = document(tablet, occurrence);
                tablet.post("/api/v1/session-logs/" + log + "/complete", Map.of(
                        "signedBy", me.path("givenName").asText() + " " + me.path("familyName").asText()));
                logs++;
            }
        }

        stage("three weeks documented: " + logs + " signed session logs, " + misses + " misses");

        // 7. Makeups this week for half of what is owed: the rest stays outstanding, as in real life.
        int makeups = 0;
        for (int m = 0; m < owed.size(); m += 2) {
            JsonNode miss = owed.get(m);
            UUID provider = UUID.fromString(miss.get("providerId").asText());
            LocalDate date = lastPastDay.getDayOfWeek().getValue() > 5
                    ? lastPastDay.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)) : lastPastDay;
            LocalTime start = LocalTime.of(14, 0).plusMinutes(5L * (m % 10));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("providerId", provider);
            body.put("sessionDate", date.toString());
            body.put("startTime", start.toString());
            body.put("endTime", start.plusMinutes(miss.get("minutes").asInt()).toString());
            body.put("setting", miss.get("setting").asText());
            body.put("format", "INDIVIDUAL");
            body.put("students", List.of(Map.of("studentId", miss.get("studentId").asText(),
                    "mandateId", miss.get("mandateId").asText(), "attendance", "PRESENT",
                    "makeupFor", List.of(miss.get("id").asText()),
                    "progressNote", "Makeup session for a session missed on " + miss.get("sessionDate").asText())));
            try {
                String log = tablets.get(provider).post("/api/v1/session-logs", body).get("id").asText();
                tablets.get(provider).post("/api/v1/session-logs/" + log + "/complete", Map.of("signedBy",
                        providers.get(provider).path("givenName").asText() + " "
                                + providers.get(provider).path("familyName").asText()));
                makeups++;
            } catch (IllegalStateException overlapping) {
                // the provider was busy then (two makeups at one time): this one simply stays outstanding
            }
        }

        stage(makeups + " makeup sessions for " + owed.size() + " owed misses");

        // 8. Ahead: a closure at Riverside next Wednesday (a water main repair; not owed under the district's
        // policy, so its minutes are excused) and the OT out on her next day with sessions (owed: the system
        // records the misses, forecasts fall short and her students show AT_RISK).
        LocalDate closure = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        if (!closure.isAfter(lastDay)) {
            schedule.post("/api/v1/schools/" + schools.get("riverside") + "/closures",
                    Map.of("date", closure.toString(), "reason", "Water main repair"));
        }
        // the OT's first day with sessions after today
        LocalDate otOut = null;
        int cancelled = 0;
        for (JsonNode occurrence : tablets.get(ot).get("/api/v1/providers/" + ot + "/occurrences?from="
                + today.plusDays(1) + "&to=" + today.plusDays(7))) {
            LocalDate date = LocalDate.parse(occurrence.get("date").asText());
            if (otOut == null) {
                otOut = date; // oldest first
            }
            if (date.equals(otOut)) {
                schedule.post("/api/v1/occurrences/" + occurrence.get("occurrenceId").asText() + "/cancel",
                        Map.of("reason", "PROVIDER_UNAVAILABLE", "note", "OT at a district training"));
                cancelled++;
            }
        }
        stage("next week: closure at Riverside on " + closure + ", the OT's " + cancelled + " sessions on " + otOut
                + " cancelled (owed)");

        // 9. Reporting has caught up when the last student's sessions show there.
        reporting.await("/api/v1/compliance/students/" + studentIds.get(STUDENTS - 1) + "?from=" + from + "&to=" + today,
                n -> n.path("mandates").size() > 0, PROPAGATION);
        stage("reporting caught up with every event");
        return new Loaded(new Summary(schools.size(), 3, STUDENTS, series, logs, misses, makeups), districtId, schools,
                staff, studentIds);
    }

    private void stage(String what) {
        progress.accept(String.format("  [%5.1f s] %s", (System.nanoTime() - started) / 1e9, what));
    }

    /** A session log for a scheduled occurrence: everyone present but the odd partial, goal data, push-in context. */
    private String document(ApiClient tablet, JsonNode occurrence) {
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean pushIn = "PUSH_IN".equals(occurrence.get("setting").asText());
        for (JsonNode student : occurrence.get("students")) {
            if (!"SCHEDULED".equals(student.path("status").asText("SCHEDULED"))) {
                continue;
            }
            String studentId = student.get("studentId").asText();
            String mandateId = student.get("mandateId").asText();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("studentId", studentId);
            line.put("mandateId", mandateId);
            boolean partial = random.nextInt(12) == 0;
            line.put("attendance", partial ? "PARTIAL" : "PRESENT");
            if (partial) {
                line.put("minutes", Math.max(5, occurrence.get("minutes").asInt() - 10));
            }
            List<Map<String, Object>> goalData = new ArrayList<>();
            for (JsonNode goal : tablet.get("/api/v1/students/" + studentId + "/goals?mandateId=" + mandateId)) {
                Map<String, Object> measured = measuredWithoutTrials(goal, occurrence);
                if (measured != null) {
                    goalData.add(measured);
                    continue;
                }
                int total = 10;
                int correct = Math.min(total, 3 + random.nextInt(4) + (int) (occurrence.get("date").asText().hashCode() & 3));
                goalData.add(Map.of("goalId", goal.get("goalId").asText(goal.path("id").asText()), "measure", "TRIALS",
                        "correct", correct, "total", total,
                        "cueLevel", correct >= 8 ? "MINIMAL" : correct >= 5 ? "MODERATE" : "MAXIMAL"));
            }
            line.put("goalData", goalData);
            line.put("progressNote", pushIn ? "Practised targets during the class activity with peers."
                    : "Worked on targets with structured drill in the therapy room.");
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("occurrenceId", occurrence.get("occurrenceId").asText());
        body.put("students", lines);
        if (pushIn) {
            body.put("pushIn", Map.of("coTeachingModel", random.nextBoolean() ? "STATION" : "ONE_TEACH_ONE_ASSIST",
                    "classroomStructure", "HIGH",
                    "teacherDebriefNote", "Shared the visual supports used today; will keep them on the table."));
        }
        return tablet.post("/api/v1/session-logs", body).get("id").asText();
    }

    /**
     * Data of the goals not measured in trials, trending with the date and no draw from {@code random}
     * (so the rest of the demo stays as it was): disfluencies per 2-minute talk fall from about 10
     * three weeks ago to about 3 now (a DECREASE goal improving), minutes on a writing task rise.
     * Null for a goal measured in trials.
     */
    private Map<String, Object> measuredWithoutTrials(JsonNode goal, JsonNode occurrence) {
        String goalId = goal.get("goalId").asText(goal.path("id").asText());
        LocalDate date = LocalDate.parse(occurrence.get("date").asText());
        int daysAgo = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(date, today));
        int noise = Math.floorMod((goalId + date).hashCode(), 2);
        return switch (goal.path("measurementMethod").asText("")) {
            case "FREQUENCY" -> Map.of("goalId", goalId, "measure", "FREQUENCY", "count", 3 + daysAgo / 3 + noise,
                    "cueLevel", daysAgo > 10 ? "MODERATE" : "MINIMAL");
            case "DURATION" -> Map.of("goalId", goalId, "measure", "DURATION",
                    "durationSeconds", Math.min(occurrence.get("minutes").asInt() * 60, 240 + (21 - Math.min(21, daysAgo))
                            * 15 + noise * 30));
            default -> null;
        };
    }

    /** Four IEP shapes, the combined model most common: speech 2x30 (1 pull-out + 1 push-in). */
    private void iep(UUID studentId, int startYear, int i, UUID slp, UUID ot) {
        List<Map<String, Object>> mandates = new ArrayList<>();
        List<Map<String, Object>> goals = new ArrayList<>();
        switch (i % 4) {
            case 0, 1 -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 2, 30, 1, 1, slp, List.of(
                        Map.of("kind", "NOT_DURING_SUBJECT", "subject", "ELA_READING", "setting", "PULL_OUT"),
                        Map.of("kind", "PREFER_SUBJECT", "subject", "ELA_READING", "setting", "PUSH_IN"))));
                goals.add(goal("EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end", "GENERALIZATION"));
                goals.add(goal("ARTICULATION", "Produce /r/ in words with 80% accuracy", "ACQUISITION"));
            }
            case 2 -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 1, 30, 0, 1, slp, List.of(
                        Map.of("kind", "NOT_DURING_SUBJECT", "subject", "ELA_READING", "setting", "PULL_OUT"))));
                mandates.add(mandate("OCCUPATIONAL_THERAPY", 1, 30, 1, 0, ot, List.of(
                        Map.of("kind", "PREFER_SUBJECT", "subject", "WRITING", "setting", "PUSH_IN"))));
                goals.add(goal("ARTICULATION", "Produce /s/ blends in sentences", "ACQUISITION"));
                goals.add(goal("FINE_MOTOR", "Write a sentence legibly on lined paper", "GENERALIZATION"));
                // A DURATION goal: minutes on a writing task without a break, higher is better.
                goals.add(Map.of("area", "SENSORY_REGULATION", "description",
                        "Work on a writing task for 8 minutes without a break", "skillStage", "ACQUISITION",
                        "serviceType", "OCCUPATIONAL_THERAPY", "measurementMethod", "DURATION", "durationUnit", "MINUTES",
                        "targetValue", 8, "baseline", "about 4 minutes", "target", "8 minutes in 4 of 5 sessions"));
            }
            default -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 2, 20, 2, 0, slp, List.of()));
                goals.add(goal("PRAGMATICS_SOCIAL", "Take turns in a group conversation", "GENERALIZATION"));
                // A DECREASE goal: fewer disfluencies is progress.
                goals.add(Map.of("area", "FLUENCY", "description",
                        "Use smooth speech: 3 or fewer disfluencies in a 2-minute conversation", "skillStage",
                        "ACQUISITION", "serviceType", "SPEECH_LANGUAGE", "measurementMethod", "FREQUENCY",
                        "direction", "DECREASE", "targetValue", 3, "baseline", "about 10 disfluencies in 2 minutes",
                        "target", "3 or fewer in 3 sessions in a row"));
            }
        }
        JsonNode iep = students.post("/api/v1/students/" + studentId + "/ieps", Map.of(
                "startDate", LocalDate.of(startYear, 9, 1).toString(),
                "endDate", LocalDate.of(startYear + 1, 8, 31).toString(),
                "annualReviewDate", LocalDate.of(startYear + 1, 5, 15).toString(),
                "eligibility", i % 4 == 2 ? "Other Health Impairment" : "Speech or Language Impairment",
                "goals", goals, "mandates", mandates));
        students.post("/api/v1/ieps/" + iep.get("id").asText() + "/activate", Map.of());
    }

    private static Map<String, Object> mandate(String serviceType, int sessions, int minutes, int pushIn, int pullOut,
                                               UUID providerId, List<Map<String, Object>> constraints) {
        return Map.of("serviceType", serviceType, "sessionsPerInterval", sessions, "minutesPerSession", minutes,
                "interval", "WEEK", "pushInSessions", pushIn, "pullOutSessions", pullOut, "maxGroupSize", 3,
                "providerId", providerId, "constraints", constraints);
    }

    private static Map<String, Object> goal(String area, String description, String stage) {
        return Map.of("area", area, "description", description, "targetPercent", 80, "skillStage", stage,
                "measurementMethod", "PERCENT_ACCURACY", "baseline", "about 40% with moderate cues",
                "target", "80% accuracy in 4 of 5 sessions");
    }

    /**
     * The same day in every homeroom: core reading, writing and math, centers, specials, lunch and
     * recess. Teachers differ in how welcome push-in is.
     */
    private void activityBlocks(UUID classId, int teacher) {
        String openness = switch (teacher % 4) {
            case 0 -> "WELCOMES";
            case 3 -> "PREFERS_NOT";
            default -> "OPEN";
        };
        record Block(String start, String end, String subject, String structure, boolean core) {
        }
        List<Block> day = List.of(
                new Block("08:15", "08:35", "MORNING_MEETING", "MODERATE", false),
                new Block("08:35", "10:05", "ELA_READING", "HIGH", true),
                new Block("10:05", "10:20", "RECESS", "LOW", false),
                new Block("10:20", "11:00", "WRITING", "HIGH", true),
                new Block("11:00", "11:45", "CENTERS", "HIGH", false),
                new Block("11:45", "12:25", "LUNCH", "LOW", false),
                new Block("12:25", "13:25", "MATH", "HIGH", true),
                new Block("13:25", "14:10", "SCIENCE", "MODERATE", false),
                new Block("14:10", "14:55", "SPECIALS", "MODERATE", false));
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            for (Block b : day) {
                schedule.post("/api/v1/classes/" + classId + "/activity-blocks", Map.of("dayOfWeek", d.name(),
                        "startTime", b.start() + ":00", "endTime", b.end() + ":00", "subject", b.subject(),
                        "structure", b.structure(), "core", b.core(),
                        "pushInOpenness", b.core() || b.subject().equals("CENTERS") ? openness : "OPEN"));
            }
        }
    }

    private void availability(UUID provider, UUID school, List<DayOfWeek> days) {
        for (DayOfWeek d : days) {
            schedule.post("/api/v1/providers/" + provider + "/availability", Map.of("schoolId", school,
                    "dayOfWeek", d.name(), "startTime", "08:15:00", "endTime", "15:00:00"));
        }
    }

    private static Map<String, Object> bellSchedule(String name, boolean isDefault, LocalTime dismissal) {
        List<Map<String, Object>> periods = new ArrayList<>();
        LocalTime t = LocalTime.of(8, 15);
        int n = 1;
        while (!t.plusMinutes(50).isAfter(dismissal)) {
            periods.add(Map.of("name", "Period " + n++, "startTime", t.toString(), "endTime", t.plusMinutes(50).toString()));
            t = t.plusMinutes(55);
        }
        if (t.isBefore(dismissal)) { // a short last period, so the school day ends at dismissal
            periods.add(Map.of("name", "Period " + n, "startTime", t.toString(), "endTime", dismissal.toString()));
        }
        return Map.of("name", name, "isDefault", isDefault, "periods", periods);
    }

    private static Map<String, Object> calendar(int startYear, LocalDate firstDay, LocalDate lastDay) {
        LocalDate thanksgiving = LocalDate.of(startYear, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        return Map.of("firstDay", firstDay.toString(), "lastDay", lastDay.toString(),
                "nonInstructionalDays", List.of(
                        Map.of("date", LocalDate.of(startYear, 10, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)).toString(),
                                "kind", "HOLIDAY", "description", "Indigenous Peoples' Day"),
                        Map.of("date", thanksgiving.toString(), "kind", "HOLIDAY", "description", "Thanksgiving"),
                        Map.of("date", thanksgiving.plusDays(1).toString(), "kind", "BREAK",
                                "description", "Thanksgiving break"),
                        Map.of("date", LocalDate.of(startYear + 1, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY)).toString(),
                                "kind", "HOLIDAY", "description", "Martin Luther King Jr. Day")));
    }
}
