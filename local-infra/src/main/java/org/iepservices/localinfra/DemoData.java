package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A small district loaded through the public APIs only, the way an integrator would: two
 * elementary schools with bell schedules and a calendar, three providers, forty students with
 * IEPs mixing push-in and pull-out, and the last three school weeks of session logs with misses.
 * Seeded, so every run tells the same story.
 */
final class DemoData {

    record Summary(int schools, int providers, int students, int sessionLogs, int misses) {
        @Override
        public String toString() {
            return schools + " schools, " + providers + " providers, " + students + " students with active IEPs, "
                    + sessionLogs + " completed session logs, " + misses + " misses";
        }
    }

    private record Mandate(String id, String serviceType, int minutes, int pushIn, int pullOut, String providerId) {
    }

    private record Student(String id, String schoolId, List<Mandate> mandates) {
    }

    private static final String[] GIVEN = {"Ava", "Liam", "Sofia", "Noah", "Mia", "Elijah", "Isabella", "Mateo",
            "Amara", "Lucas", "Zoe", "Ethan", "Layla", "Kai", "Nora", "Diego", "Aaliyah", "Owen", "Priya", "Jamal"};
    private static final String[] FAMILY = {"Johnson", "Nguyen", "Garcia", "Okafor", "Smith", "Patel", "Kim",
            "Martinez", "Brown", "Haddad", "Lopez", "Chen", "Williams", "Cohen", "Rivera", "Davis", "Yilmaz", "Lee",
            "Moore", "Silva"};
    private static final String[] MISS_REASONS = {"STUDENT_ABSENT", "PROVIDER_ABSENT", "PROVIDER_REASSIGNED",
            "STUDENT_UNAVAILABLE", "SCHEDULING_ERROR"};

    private final ApiClient students;
    private final ApiClient schedule;
    private final ApiClient sessions;
    private final Random random = new Random(20260914L);

    DemoData(LocalSystem system) {
        this(system.service(ServiceLayout.STUDENT).baseUrl(), system.service(ServiceLayout.SCHEDULE).baseUrl(),
                system.service(ServiceLayout.SESSION).baseUrl());
    }

    DemoData(String studentUrl, String scheduleUrl, String sessionUrl) {
        this.students = new ApiClient(studentUrl);
        this.schedule = new ApiClient(scheduleUrl);
        this.sessions = new ApiClient(sessionUrl);
    }

    Summary load() {
        LocalDate today = LocalDate.now();
        String schoolYear = (today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1) + "-"
                + (today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear());
        int startYear = Integer.parseInt(schoolYear.substring(0, 4));
        String district = UUID.nameUUIDFromBytes("demo-district".getBytes()).toString();

        List<String> schools = new ArrayList<>();
        for (String name : List.of("Maple Elementary", "Riverside Elementary")) {
            String id = students.post("/api/v1/schools", Map.of("name", name, "districtId", district,
                    "timeZone", "America/New_York")).get("id").asText();
            schools.add(id);
            schedule.post("/api/v1/schools/" + id + "/bell-schedules", bellSchedule("Regular", true, LocalTime.of(15, 0)));
            schedule.post("/api/v1/schools/" + id + "/bell-schedules",
                    bellSchedule("Early release", false, LocalTime.of(12, 30)));
            schedule.put("/api/v1/schools/" + id + "/calendars/" + schoolYear, calendar(startYear));
        }

        String slp = staff("Dana", "Whitfield", "SLP", "M.S., CCC-SLP", schools);
        String slp2 = staff("Rafael", "Ortiz", "SLP", "M.A., CCC-SLP", schools.subList(1, 2));
        String ot = staff("Mei", "Tanaka", "OT", "OTR/L", schools);
        for (int i = 0; i < schools.size(); i++) {
            staff("Jordan", i == 0 ? "Reyes" : "Baker", "TEACHER", null, schools.subList(i, i + 1));
        }

        List<Student> caseload = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String schoolId = schools.get(i % 2);
            String studentId = students.post("/api/v1/students", Map.of(
                    "givenName", GIVEN[i % GIVEN.length], "familyName", FAMILY[(i * 7) % FAMILY.length],
                    "grade", i % 6 == 0 ? "K" : String.valueOf(i % 6), "schoolId", schoolId,
                    "dateOfBirth", LocalDate.of(2015 + (i % 6), 1 + (i % 12), 1 + (i % 27)).toString()))
                    .get("id").asText();
            String speechProvider = i % 2 == 1 && i % 4 == 3 ? slp2 : slp;
            caseload.add(iep(studentId, schoolId, startYear, i, speechProvider, ot));
        }

        // The three school weeks before this one: completed logs, with about one session in eight missed.
        LocalDate firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(3);
        int logs = 0;
        int misses = 0;
        Map<String, JsonNode> providers = new HashMap<>();
        for (int week = 0; week < 3; week++) {
            LocalDate monday = firstMonday.plusWeeks(week);
            for (int s = 0; s < caseload.size(); s++) {
                Student student = caseload.get(s);
                for (Mandate mandate : student.mandates()) {
                    int slot = 0;
                    for (String setting : settings(mandate)) {
                        LocalDate date = monday.plusDays((s + slot * 2) % 5);
                        LocalTime start = LocalTime.of(8, 30).plusMinutes(30L * ((s + slot) % 12));
                        slot++;
                        if (random.nextInt(8) == 0) {
                            String reason = MISS_REASONS[random.nextInt(MISS_REASONS.length)];
                            sessions.post("/api/v1/misses", Map.of("studentId", student.id(),
                                    "mandateId", mandate.id(), "providerId", mandate.providerId(),
                                    "setting", setting, "sessionDate", date.toString(),
                                    "minutes", mandate.minutes(), "reason", reason));
                            misses++;
                            continue;
                        }
                        boolean partial = random.nextInt(10) == 0;
                        Map<String, Object> line = new HashMap<>(Map.of("studentId", student.id(),
                                "mandateId", mandate.id(), "attendance", partial ? "PARTIAL" : "PRESENT"));
                        if (partial) {
                            line.put("minutes", mandate.minutes() - 10);
                        }
                        Map<String, Object> log = new LinkedHashMap<>();
                        log.put("providerId", mandate.providerId());
                        log.put("sessionDate", date.toString());
                        log.put("startTime", start.toString());
                        log.put("endTime", start.plusMinutes(mandate.minutes()).toString());
                        log.put("setting", setting);
                        log.put("format", setting.equals("PUSH_IN") ? "WHOLE_CLASS" : "INDIVIDUAL");
                        log.put("students", List.of(line));
                        String logId = sessions.post("/api/v1/session-logs", log).get("id").asText();
                        JsonNode provider = providers.computeIfAbsent(mandate.providerId(),
                                id -> students.get("/api/v1/staff/" + id));
                        sessions.post("/api/v1/session-logs/" + logId + "/complete", Map.of(
                                "signedBy", provider.get("givenName").asText() + " " + provider.get("familyName").asText(),
                                "credentials", provider.path("credentials").asText("")));
                        logs++;
                    }
                }
            }
        }
        return new Summary(schools.size(), 3, caseload.size(), logs, misses);
    }

    private static List<String> settings(Mandate mandate) {
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < mandate.pullOut(); i++) {
            settings.add("PULL_OUT");
        }
        for (int i = 0; i < mandate.pushIn(); i++) {
            settings.add("PUSH_IN");
        }
        return settings;
    }

    private String staff(String given, String family, String discipline, String credentials, List<String> schoolIds) {
        Map<String, Object> body = new HashMap<>(Map.of("givenName", given, "familyName", family,
                "email", (given + "." + family).toLowerCase() + "@demo-district.example",
                "discipline", discipline, "schoolIds", schoolIds));
        if (credentials != null) {
            body.put("credentials", credentials);
        }
        return students.post("/api/v1/staff", body).get("id").asText();
    }

    /** Four IEP shapes, the combined model most common: speech 2x30 (1 pull-out + 1 push-in). */
    private Student iep(String studentId, String schoolId, int startYear, int i, String slp, String ot) {
        List<Map<String, Object>> mandates = new ArrayList<>();
        List<Map<String, Object>> goals = new ArrayList<>();
        switch (i % 4) {
            case 0, 1 -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 2, 30, 1, 1, slp));
                goals.add(goal("EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end", "GENERALIZATION"));
                goals.add(goal("ARTICULATION", "Produce /r/ in words with 80% accuracy", "ACQUISITION"));
            }
            case 2 -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 1, 30, 0, 1, slp));
                mandates.add(mandate("OCCUPATIONAL_THERAPY", 1, 30, 1, 0, ot));
                goals.add(goal("ARTICULATION", "Produce /s/ blends in sentences", "ACQUISITION"));
                goals.add(goal("FINE_MOTOR", "Write a sentence legibly on lined paper", "GENERALIZATION"));
            }
            default -> {
                mandates.add(mandate("SPEECH_LANGUAGE", 2, 20, 2, 0, slp));
                goals.add(goal("PRAGMATICS_SOCIAL", "Take turns in a group conversation", "GENERALIZATION"));
            }
        }
        JsonNode iep = students.post("/api/v1/students/" + studentId + "/ieps", Map.of(
                "startDate", LocalDate.of(startYear, 9, 1).toString(),
                "endDate", LocalDate.of(startYear + 1, 8, 31).toString(),
                "annualReviewDate", LocalDate.of(startYear + 1, 5, 15).toString(),
                "eligibility", i % 4 == 2 ? "Other Health Impairment" : "Speech or Language Impairment",
                "goals", goals, "mandates", mandates));
        students.post("/api/v1/ieps/" + iep.get("id").asText() + "/activate", Map.of());
        List<Mandate> created = new ArrayList<>();
        for (JsonNode m : iep.get("mandates")) {
            created.add(new Mandate(m.get("id").asText(), m.get("serviceType").asText(), m.get("minutesPerSession").asInt(),
                    m.get("pushInSessions").asInt(), m.get("pullOutSessions").asInt(), m.get("providerId").asText()));
        }
        return new Student(studentId, schoolId, created);
    }

    private static Map<String, Object> mandate(String serviceType, int sessions, int minutes, int pushIn, int pullOut,
                                               String providerId) {
        return Map.of("serviceType", serviceType, "sessionsPerInterval", sessions, "minutesPerSession", minutes,
                "interval", "WEEK", "pushInSessions", pushIn, "pullOutSessions", pullOut, "maxGroupSize", 3,
                "providerId", providerId);
    }

    private static Map<String, Object> goal(String area, String description, String stage) {
        return Map.of("area", area, "description", description, "targetPercent", 80, "skillStage", stage);
    }

    private static Map<String, Object> bellSchedule(String name, boolean isDefault, LocalTime dismissal) {
        List<Map<String, Object>> periods = new ArrayList<>();
        LocalTime t = LocalTime.of(8, 15);
        int n = 1;
        while (t.plusMinutes(50).isBefore(dismissal) || t.plusMinutes(50).equals(dismissal)) {
            periods.add(Map.of("name", "Period " + n++, "startTime", t.toString(), "endTime", t.plusMinutes(50).toString()));
            t = t.plusMinutes(55);
        }
        return Map.of("name", name, "isDefault", isDefault, "periods", periods);
    }

    private static Map<String, Object> calendar(int startYear) {
        LocalDate thanksgiving = LocalDate.of(startYear, 11, 1)
                .with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        return Map.of("firstDay", LocalDate.of(startYear, 9, 2).toString(),
                "lastDay", LocalDate.of(startYear + 1, 6, 18).toString(),
                "nonInstructionalDays", List.of(
                        Map.of("date", LocalDate.of(startYear, 10, 12).toString(), "kind", "HOLIDAY",
                                "description", "Indigenous Peoples' Day"),
                        Map.of("date", thanksgiving.toString(), "kind", "HOLIDAY", "description", "Thanksgiving"),
                        Map.of("date", thanksgiving.plusDays(1).toString(), "kind", "BREAK",
                                "description", "Thanksgiving break"),
                        Map.of("date", LocalDate.of(startYear + 1, 1, 19).toString(), "kind", "HOLIDAY",
                                "description", "Martin Luther King Jr. Day")));
    }
}
