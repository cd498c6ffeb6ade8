package org.iepservices.schedule.api;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.IepActivated;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A school for one test, made the way clients and student-service make it: its bell schedule
 * and calendar through this service's API, its classes, students and mandates as events on
 * roster.events and iep.events (then waited for). Every id is fresh, so tests never share data.
 *
 * <p>The day: 08:00-08:30 homeroom, 08:30-11:30 morning, 11:30-12:00 lunch, 12:00-15:00
 * afternoon. The year 2026-2027 runs 2026-09-02 to 2027-06-18 with Monday 2026-10-12 off.
 */
final class World {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 2);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 6, 18);
    static final LocalDate HOLIDAY = LocalDate.of(2026, 10, 12);
    /** The worked example's week. */
    static final LocalDate WEEK = LocalDate.of(2026, 9, 14);
    static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};

    /** A student and the speech mandate they are served under. */
    record Kid(UUID id, UUID mandate) {
        Map<String, Object> ref() {
            return Map.of("studentId", id.toString(), "mandateId", mandate.toString());
        }
    }

    final EventPublisher events;
    final UUID school = UUID.randomUUID();
    final UUID bellSchedule;
    /** The teacher of each class made here. */
    final Map<UUID, UUID> teacherOf = new HashMap<>();

    World(EventPublisher events) {
        this.events = events;
        bellSchedule = UUID.fromString(As.admin().contentType(ContentType.JSON).body(Map.of("name", "Regular", "isDefault", true,
                        "periods", List.of(period("Homeroom", "08:00:00", "08:30:00", true),
                                period("Morning", "08:30:00", "11:30:00", true),
                                period("Lunch", "11:30:00", "12:00:00", false),
                                period("Afternoon", "12:00:00", "15:00:00", true))))
                .post("/api/v1/schools/" + school + "/bell-schedules").then().statusCode(201).extract().path("id"));
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", FIRST_DAY.toString(), "lastDay",
                        LAST_DAY.toString(), "nonInstructionalDays", List.of(Map.of("date", HOLIDAY.toString(),
                                "kind", "HOLIDAY", "description", "Indigenous Peoples' Day"))))
                .put("/api/v1/schools/" + school + "/calendars/2026-2027").then().statusCode(201);
    }

    static Map<String, Object> period(String name, String start, String end, boolean instructional) {
        return Map.of("name", name, "startTime", start, "endTime", end, "instructional", instructional);
    }

    /** A student of this school (StudentUpserted). */
    UUID student(String givenName) {
        UUID id = UUID.randomUUID();
        events.send(StudentUpserted.TYPE, id, new StudentUpserted(id, "s-" + id, givenName, "Test", "2", school,
                "active"));
        return id;
    }

    /** A class with a teacher and these students (ClassUpserted, StaffUpserted, EnrollmentChanged); not awaited. */
    UUID schoolClass(String title, UUID... students) {
        UUID classId = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        teacherOf.put(classId, teacher);
        events.send(ClassUpserted.TYPE, classId, new ClassUpserted(classId, "c-" + classId, title, "homeroom", school,
                List.of("2"), List.of(), List.of(), "active"));
        events.send(StaffUpserted.TYPE, teacher, new StaffUpserted(teacher, "t-" + teacher, "Tess", "Teacher",
                teacher + "@school.test", "TEACHER", null, List.of(school), "active"));
        enroll(classId, teacher, "teacher");
        for (UUID student : students) {
            enroll(classId, student, "student");
        }
        return classId;
    }

    void enroll(UUID classId, UUID user, String role) {
        UUID enrollment = UUID.randomUUID();
        events.send(EnrollmentChanged.TYPE, user, new EnrollmentChanged(enrollment, "e-" + enrollment, classId, school,
                user, role, role.equals("teacher"), null, null, "active"));
    }

    /** Waits until the class has arrived with all these students. */
    void awaitClass(UUID classId, int students) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = As.admin().get("/api/v1/classes/" + classId);
            return r.statusCode() == 200 && r.path("studentIds.size()").equals(students);
        });
    }

    /**
     * An IEP with one speech mandate from 2026-09-01 to 2027-06-18 (IepActivated), e.g. the worked
     * example's 2 x 30 min a week, 1 pull-out + 1 push-in: {@code mandate(kid, 1, 1, "INDIVIDUAL", 1)}.
     */
    UUID mandate(UUID student, int pushIn, int pullOut, String delivery, int maxGroupSize,
                 IepActivated.Constraint... constraints) {
        UUID iep = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        events.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, LocalDate.of(2026, 9, 1),
                LAST_DAY, List.of(new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", null,
                pushIn + pullOut, 30, "WEEK", pushIn, pullOut, delivery, maxGroupSize, LocalDate.of(2026, 9, 1),
                LAST_DAY, null, null, List.of(constraints))), List.of()));
        return mandate;
    }

    /** A student with the worked example's mandate (speech 2 x 30, 1 push-in + 1 pull-out, groups up to 4). */
    Kid kid(String name) {
        UUID id = student(name);
        return new Kid(id, mandate(id, 1, 1, "GROUP", 4));
    }

    /** A kid whose mandate has already arrived. */
    Kid kidAwaited(String name) {
        Kid kid = kid(name);
        awaitMandates(kid);
        return kid;
    }

    /** Waits until each kid's mandate has arrived. */
    void awaitMandates(Kid... kids) {
        for (Kid kid : kids) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    As.admin().get("/api/v1/students/" + kid.id() + "/mandates").then().extract()
                            .<List<String>>path("id").contains(kid.mandate().toString()));
        }
    }

    /** A provider available Monday to Friday 08:00-15:00 here. */
    UUID provider() {
        UUID provider = UUID.randomUUID();
        for (String day : WEEKDAYS) {
            available(provider, school, day, "08:00:00", "15:00:00");
        }
        return provider;
    }

    static String available(UUID provider, UUID school, String day, String start, String end) {
        return As.admin().contentType(ContentType.JSON).body(Map.of("schoolId", school.toString(), "dayOfWeek", day,
                        "startTime", start, "endTime", end))
                .post("/api/v1/providers/" + provider + "/availability").then().statusCode(201).extract().path("id");
    }

    /** An activity block of a class (waits for the class to arrive first: blocks need a known class). */
    String block(UUID classId, String day, String start, String end, String subject, boolean core, String structure,
                 String openness) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get("/api/v1/classes/" + classId).statusCode() == 200);
        return As.admin().contentType(ContentType.JSON).body(blockBody(day, start, end, subject, core, structure,
                        openness))
                .post("/api/v1/classes/" + classId + "/activity-blocks").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> blockBody(String day, String start, String end, String subject, boolean core,
                                         String structure, String openness) {
        Map<String, Object> body = new HashMap<>();
        body.put("dayOfWeek", day);
        body.put("startTime", start);
        body.put("endTime", end);
        body.put("subject", subject);
        body.put("core", core);
        body.put("structure", structure);
        body.put("pushInOpenness", openness);
        return body;
    }

    /** A pull-out series body for the whole school year from the worked example's week. */
    Map<String, Object> pullOut(UUID provider, String day, String start, int minutes, Kid... kids) {
        Map<String, Object> body = base(provider, day, start, minutes, kids);
        body.put("setting", "PULL_OUT");
        body.put("room", "Speech room 104");
        return body;
    }

    Map<String, Object> pushIn(UUID provider, UUID classId, String blockId, String day, String start, int minutes,
                               Kid... kids) {
        Map<String, Object> body = base(provider, day, start, minutes, kids);
        body.put("setting", "PUSH_IN");
        body.put("classId", classId.toString());
        body.put("activityBlockId", blockId);
        return body;
    }

    private Map<String, Object> base(UUID provider, String day, String start, int minutes, Kid... kids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", provider.toString());
        body.put("schoolId", school.toString());
        body.put("serviceType", "SPEECH_LANGUAGE");
        body.put("dayOfWeek", day);
        body.put("startTime", start);
        body.put("durationMinutes", minutes);
        body.put("effectiveFrom", WEEK.toString());
        List<Map<String, Object>> students = new ArrayList<>();
        for (Kid kid : kids) {
            students.add(kid.ref());
        }
        body.put("students", students);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    static Map<String, Object> overridden(Map<String, Object> body, String reason) {
        return with(body, "override", Map.of("reason", reason));
    }

    static Response post(String path, Object body) {
        return As.admin().contentType(ContentType.JSON).body(body).post(path);
    }

    /** Creates a series that must go through; returns its id. */
    static String series(Map<String, Object> body) {
        return post("/api/v1/session-series", body).then().statusCode(201).extract().path("id");
    }

    static int seriesCount(UUID provider) {
        return Integer.parseInt(As.admin().queryParam("providerId", provider.toString()).get("/api/v1/session-series")
                .then().statusCode(200).extract().header("X-Total-Count"));
    }
}
