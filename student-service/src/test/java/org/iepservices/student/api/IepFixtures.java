package org.iepservices.student.api;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;

/** A school, providers and a student to write IEPs for, made through the public API, and IEP bodies. */
final class IepFixtures {

    final String school;
    final String slp;
    final String ot;
    final String teacher;
    final String student;

    IepFixtures() {
        school = given().contentType(ContentType.JSON).body(Map.of("name", "Maple " + UUID.randomUUID()))
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");
        slp = staff("Dana", "Whitfield", "SLP");
        ot = staff("Omar", "Tran", "OT");
        teacher = staff("Jo", "Reyes", "TEACHER");
        student = given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Ava", "familyName", "Johnson", "grade", "2", "schoolId", school))
                .post("/api/v1/students").then().statusCode(201).extract().path("id");
    }

    private String staff(String given, String family, String discipline) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("givenName", given, "familyName", family, "discipline", discipline,
                        "email", given.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
                        "schoolIds", List.of(school)))
                .post("/api/v1/staff").then().statusCode(201).extract().path("id");
    }

    /** Speech 2 x 30 min per week with the given split, SLP assigned, in a group of at most 3. */
    Map<String, Object> speech(int pushIn, int pullOut) {
        Map<String, Object> m = new HashMap<>();
        m.put("serviceType", "SPEECH_LANGUAGE");
        m.put("providerId", slp);
        m.put("sessionsPerInterval", pushIn + pullOut);
        m.put("minutesPerSession", 30);
        m.put("interval", "WEEK");
        m.put("pushInSessions", pushIn);
        m.put("pullOutSessions", pullOut);
        m.put("maxGroupSize", 3);
        return m;
    }

    static Map<String, Object> goal(String area, String description, String stage) {
        Map<String, Object> g = new HashMap<>();
        g.put("area", area);
        g.put("description", description);
        g.put("skillStage", stage);
        return g;
    }

    static Map<String, Object> iep(String start, String end, List<Map<String, Object>> goals,
                                   List<Map<String, Object>> mandates) {
        Map<String, Object> body = new HashMap<>();
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("eligibility", "Speech or Language Impairment");
        body.put("goals", new ArrayList<>(goals));
        body.put("mandates", new ArrayList<>(mandates));
        return body;
    }

    Map<String, Object> schoolYear(List<Map<String, Object>> mandates) {
        return iep("2026-09-01", "2027-08-31",
                List.of(goal("EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end", "GENERALIZATION")),
                mandates);
    }

    String draft(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/students/" + student + "/ieps").then().statusCode(201).extract().path("id");
    }

    String activeDraft(Map<String, Object> body) {
        String id = draft(body);
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + id + "/activate").then().statusCode(200);
        return id;
    }
}
