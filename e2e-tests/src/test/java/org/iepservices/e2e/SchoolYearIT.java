package org.iepservices.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.iepservices.client.reporting.api.CompliancePolicyApi;
import org.iepservices.client.reporting.api.GoalProgressApi;
import org.iepservices.client.reporting.model.ComplianceResponse;
import org.iepservices.client.reporting.model.ComplianceStatus;
import org.iepservices.client.reporting.model.ComplianceWindow;
import org.iepservices.client.reporting.model.MandateCompliance;
import org.iepservices.client.reporting.model.PolicyRequest;
import org.iepservices.client.schedule.api.ClassesAndActivitiesApi;
import org.iepservices.client.schedule.api.ProvidersApi;
import org.iepservices.client.schedule.api.SchoolDayAndYearApi;
import org.iepservices.client.schedule.api.SessionSeriesApi;
import org.iepservices.client.schedule.model.ActivityBlockRequest;
import org.iepservices.client.schedule.model.ActivitySubject;
import org.iepservices.client.schedule.model.BellScheduleRequest;
import org.iepservices.client.schedule.model.CalendarDay;
import org.iepservices.client.schedule.model.CalendarRequest;
import org.iepservices.client.schedule.model.CancelOccurrenceRequest;
import org.iepservices.client.schedule.model.CancellationReason;
import org.iepservices.client.schedule.model.ClosureRequest;
import org.iepservices.client.schedule.model.ConflictOverride;
import org.iepservices.client.schedule.model.DayKind;
import org.iepservices.client.schedule.model.DayOfWeek;
import org.iepservices.client.schedule.model.PeriodDto;
import org.iepservices.client.schedule.model.PushInOpenness;
import org.iepservices.client.schedule.model.SeriesRequest;
import org.iepservices.client.schedule.model.Structure;
import org.iepservices.client.schedule.model.StudentRef;
import org.iepservices.client.schedule.model.WindowRequest;
import org.iepservices.client.session.api.KnownRecordsApi;
import org.iepservices.client.session.api.MedicaidApi;
import org.iepservices.client.session.api.MissesApi;
import org.iepservices.client.session.api.SessionLogsApi;
import org.iepservices.client.session.model.Attendance;
import org.iepservices.client.session.model.BillingRequest;
import org.iepservices.client.session.model.CompleteRequest;
import org.iepservices.client.session.model.CueLevel;
import org.iepservices.client.session.model.DocumentationStatus;
import org.iepservices.client.session.model.GoalData;
import org.iepservices.client.session.model.GoalMeasure;
import org.iepservices.client.session.model.Mandate;
import org.iepservices.client.session.model.SessionLogRequest;
import org.iepservices.client.session.model.StudentLine;
import org.iepservices.client.student.api.ClassesApi;
import org.iepservices.client.student.api.IepsApi;
import org.iepservices.client.student.api.RosterImportsApi;
import org.iepservices.client.student.api.SchoolsApi;
import org.iepservices.client.student.api.ServiceProfilesApi;
import org.iepservices.client.student.api.StaffApi;
import org.iepservices.client.student.api.StudentsApi;
import org.iepservices.client.student.model.Delivery;
import org.iepservices.client.student.model.GoalArea;
import org.iepservices.client.student.model.GoalRequest;
import org.iepservices.client.student.model.IepRequest;
import org.iepservices.client.student.model.MandateInterval;
import org.iepservices.client.student.model.MandateRequest;
import org.iepservices.client.student.model.MeasurementMethod;
import org.iepservices.client.student.model.RegulationSupport;
import org.iepservices.client.student.model.ServiceProfileRequest;
import org.iepservices.client.student.model.ServiceType;
import org.iepservices.client.student.model.SkillStage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.json;
import static org.iepservices.e2e.Clients.reporting;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.Clients.student;
import static org.iepservices.e2e.TestDistrict.PROPAGATION;
import static org.iepservices.e2e.TestDistrict.activate;
import static org.iepservices.e2e.TestDistrict.compliance;
import static org.iepservices.e2e.TestDistrict.createIep;
import static org.iepservices.e2e.TestDistrict.createLog;
import static org.iepservices.e2e.TestDistrict.id;

/**
 * A slice of a school year through the generated clients only, the way it gets messy: a second roster feed and a
 * truncated bulk file from the first, a holiday week, a provider absence, a closure, a student
 * ABSENT from a signed group session, and an IEP amendment mid-term. Asserts compliance per
 * setting under the district's EXCUSE holiday policy, the misses the system recorded (origin,
 * owed), the provider's worklist, goal data that follows the amended goal, and claim lines whose
 * units follow the service code (92507/92508 are untimed: one unit per session).
 *
 * <p>Calendar (school year from Tue 2026-09-01): Labor Day Mon 09-07 and a professional day Thu
 * 09-10; a closure on Thu 09-17. Speech 2 x 30/week (1 pull-out Tuesday, 1 push-in Thursday) for
 * two students served as a group of two. Reporting's today is Wed 2026-09-23 (RunningSystem).
 */
class SchoolYearIT {

    private static final String YEAR = "2026-2027";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String sisToken = RunningSystem.get().tokens().token("sis-" + run, "sis-integration")
            .name("District SIS").sign();

    @Test
    void aSchoolYearSliceThatGetsMessy() throws Exception {
        // 1. Two roster feeds into one district: the SIS's (students, teacher, SLP) and a contract agency's (its SLP).
        JsonNode sis = importRoster(roster(List.of("a", "b", "c", "d", "e", "f", "g", "h")), "sis", false);
        assertOutcome(sis, "APPLIED");
        UUID districtId = districtOf("sch-" + run);
        UUID schoolId = schoolOf("sch-" + run);
        JsonNode agency = importRoster(agencyRoster(), "therapy-agency", false);
        assertOutcome(agency, "APPLIED");
        List<UUID> kids = List.of(studentOf("stu-a-" + run), studentOf("stu-b-" + run), studentOf("stu-c-" + run));
        UUID slp = staffOf("slp-" + run);
        staffOf("slp-agency-" + run); // the agency's SLP arrived beside the SIS's people
        for (UUID kid : kids) { // the agency's bulk file deactivated nobody of the SIS feed
            assertThat(studentStatus(kid), is("active"));
        }
        // A truncated SIS users.csv (one student of eight) would deactivate most of the school: held, nothing changed.
        JsonNode truncated = importRoster(roster(List.of("a")), "sis", false);
        assertOutcome(truncated, "HELD");
        for (UUID kid : kids) {
            assertThat(studentStatus(kid), is("active"));
        }
        UUID classId = classOf("hr-" + run);

        // 2. The district's policies: holidays excused; closures not owed, provider absence owed (the defaults).
        status(reporting(CompliancePolicyApi::new).replaceDistrictCompliancePolicyWithHttpInfo(districtId,
                new PolicyRequest().holidayPolicy("EXCUSE")), 200);

        // 3. The school's day and year.
        status(schedule(SchoolDayAndYearApi::new).replaceSchoolCalendarWithHttpInfo(schoolId, YEAR, new CalendarRequest()
                .firstDay(LocalDate.parse("2026-09-01")).lastDay(LocalDate.parse("2027-06-18"))
                .nonInstructionalDays(List.of(
                        new CalendarDay().date(LocalDate.parse("2026-09-07")).kind(DayKind.HOLIDAY)
                                .description("Labor Day"),
                        new CalendarDay().date(LocalDate.parse("2026-09-10")).kind(DayKind.PROFESSIONAL_DAY)
                                .description("Staff development")))), 200, 201);
        status(schedule(SchoolDayAndYearApi::new).createSchoolBellScheduleWithHttpInfo(schoolId, new BellScheduleRequest()
                .name("Regular").isDefault(true).periods(List.of(
                        new PeriodDto().name("Morning").startTime("08:00").endTime("11:45"),
                        new PeriodDto().name("Afternoon").startTime("12:30").endTime("15:00")))), 201);
        // schedule-service knows the class and the SLP from roster.events: wait for its copies.
        eventually(PROPAGATION).untilAsserted(() ->
                status(schedule(ClassesAndActivitiesApi::new).getClassWithHttpInfo(classId), 200));
        eventually(PROPAGATION).untilAsserted(() -> status(schedule(ProvidersApi::new).getStaffWithHttpInfo(slp), 200));
        UUID block = null;
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
            UUID created = status(schedule(ClassesAndActivitiesApi::new).createClassActivityBlockWithHttpInfo(
                    classId, new ActivityBlockRequest().dayOfWeek(day).startTime("09:00:00").endTime("10:30:00")
                            .subject(ActivitySubject.ELA_READING).structure(Structure.HIGH)
                            .pushInOpenness(PushInOpenness.WELCOMES)), 201).getId();
            block = day == DayOfWeek.THURSDAY ? created : block;
        }
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            status(schedule(ProvidersApi::new).createProviderAvailabilityWithHttpInfo(slp, new WindowRequest()
                    .schoolId(schoolId).dayOfWeek(day).startTime("08:00:00").endTime("15:00:00")), 201);
        }

        // 4. IEPs for students a and b: speech 2 x 30 per week, 1 pull-out + 1 push-in, groups of up to 3.
        Map<UUID, JsonNode> ieps = new LinkedHashMap<>();
        for (UUID kid : kids.subList(0, 2)) {
            JsonNode iep = createIep(kid, iepBody(slp, 30, null, null));
            activate(id(iep));
            ieps.put(kid, iep);
            status(student(ServiceProfilesApi::new).replaceStudentServiceProfileWithHttpInfo(kid,
                    new ServiceProfileRequest().regulationSupport(RegulationSupport.NONE).needsQuietSetting(false)
                            .medicaidId("NY" + Math.abs(kid.toString().hashCode() % 100000000))
                            .diagnosisCodes(List.of("F80.0")).billingConsentOnFile(true)
                            .billingConsentDate(LocalDate.parse("2026-08-20")), null), 200, 201);
        }
        UUID a = kids.get(0);
        UUID b = kids.get(1);
        UUID mandateA = id(ieps.get(a).path("mandates").path(0));
        UUID mandateB = id(ieps.get(b).path("mandates").path(0));
        UUID goalA = id(ieps.get(a).path("goals").path(0));
        awaitScheduleMandates(a);
        awaitScheduleMandates(b);

        // 5. The two series, a group of two: pull-out Tuesdays, push-in Thursdays in ELA, from the first day.
        List<StudentRef> group = List.of(new StudentRef().studentId(a).mandateId(mandateA),
                new StudentRef().studentId(b).mandateId(mandateB));
        series(slp, schoolId, "PULL_OUT", null, null, DayOfWeek.TUESDAY, group);
        series(slp, schoolId, "PUSH_IN", classId, block, DayOfWeek.THURSDAY, group);
        awaitSessionMandates(a);
        awaitSessionMandates(b);
        status(session(MedicaidApi::new).replaceMedicaidProviderWithHttpInfo(slp, new BillingRequest().npi("1234567893")),
                200);

        String provider = RunningSystem.providerToken(slp.toString());
        Map<String, UUID> occurrences = new LinkedHashMap<>();
        eventually(PROPAGATION).untilAsserted(() -> {
            JsonNode found = occurrences(provider, slp, "2026-09-01", "2026-09-25", null);
            // Tue 1, Thu 3, Tue 8, (Thu 10 professional day), Tue 15, Thu 17, Tue 22, Thu 24
            List<String> dates = texts(found, "date");
            assertThat(dates, hasItems("2026-09-01", "2026-09-03",
                    "2026-09-08", "2026-09-15", "2026-09-17", "2026-09-22", "2026-09-24"));
            assertThat(dates, not(hasItem("2026-09-10")));
            found.forEach(o -> occurrences.put(o.path("date").asText(), UUID.fromString(o.path("occurrenceId").asText())));
        });

        // 6. Week 1 documented in full; week 2: b ABSENT from the signed group pull-out.
        document(provider, occurrences.get("2026-09-01"), Map.of(a, Attendance.PRESENT, b, Attendance.PRESENT), a, goalA);
        document(provider, occurrences.get("2026-09-03"), Map.of(a, Attendance.PRESENT, b, Attendance.PRESENT), a, goalA);
        document(provider, occurrences.get("2026-09-08"), Map.of(a, Attendance.PRESENT, b, Attendance.ABSENT), a, goalA);

        // 7. Week 3: the SLP is out on Tuesday (cancelled: owed), the school closes on Thursday (not owed).
        status(schedule(SessionSeriesApi::new).cancelOccurrenceWithHttpInfo(occurrences.get("2026-09-15"),
                new CancelOccurrenceRequest().reason(CancellationReason.PROVIDER_UNAVAILABLE).note("SLP out sick"), null),
                200);
        status(schedule(SchoolDayAndYearApi::new).createSchoolClosureWithHttpInfo(schoolId, new ClosureRequest()
                .date(LocalDate.parse("2026-09-17")).reason("Water main repair")), 200, 201);

        // The system recorded every miss itself: b absent, both for the absence and the closure.
        eventually(PROPAGATION).untilAsserted(() -> {
            JsonNode misses = misses(b);
            assertThat(texts(select(misses, m -> m.path("origin").asText().equals("SYSTEM")), "sessionDate"),
                    hasItems("2026-09-08", "2026-09-15", "2026-09-17"));
            assertThat(onDate(misses, "2026-09-08").path("owed").asText(), is("NOT_OWED"));
            assertThat(onDate(misses, "2026-09-15").path("owed").asText(), is("OWED"));
            assertThat(onDate(misses, "2026-09-17").path("owed").asText(), is("NOT_OWED"));
        });
        // One miss per student and occurrence, however many events told the system about it.
        JsonNode missesOfA = misses(a);
        assertThat(select(missesOfA, m -> m.path("sessionDate").asText().equals("2026-09-15")), hasSize(1));
        assertThat(select(missesOfA, m -> m.path("sessionDate").asText().equals("2026-09-17")), hasSize(1));

        // 8. An amendment effective Mon 09-21: 30 -> 25 minutes, the goal continues.
        JsonNode amended = createAmendment(id(ieps.get(a)), iepBody(slp, 25, "2026-09-21", goalA));
        status(student(IepsApi::new).activateIepWithHttpInfo(id(amended)), 200);
        UUID newMandate = id(amended.path("mandates").path(0));
        UUID newGoal = id(amended.path("goals").path(0));
        assertThat(amended.path("goals").path(0).path("continuesGoalId").asText(), is(goalA.toString()));
        // The provider documents Tuesday's occurrence: credited to the mandate in force, not refused.
        eventually(PROPAGATION).untilAsserted(() ->
                assertThat(status(session(provider, KnownRecordsApi::new).listStudentMandatesWithHttpInfo(a, null, null),
                        200).stream().map(Mandate::getMandateId).toList(), hasItem(newMandate)));
        UUID log22 = document(provider, occurrences.get("2026-09-22"),
                Map.of(a, Attendance.PRESENT, b, Attendance.PRESENT), a, newGoal);
        JsonNode signed = json(status(session(SessionLogsApi::new).getSessionLogWithHttpInfo(log22), 200));
        assertThat(first(signed.path("students"), line -> line.path("studentId").asText().equals(a.toString()))
                .path("mandateId").asText(), is(newMandate.toString()));

        // 9. Compliance per setting, week by week, with holidays excused and the closure not owed.
        eventually(PROPAGATION).untilAsserted(() -> {
            MandateCompliance mandate = mandate(compliance(a, "2026-09-07", "2026-09-20"), mandateA);
            ComplianceWindow week2 = period(mandate, "2026-09-07");
            ComplianceWindow week3 = period(mandate, "2026-09-14");
            // Labor Day had no session; Thursday's push-in fell on the professional day: excused, not owed.
            assertThat(week2.getMandated().getPullOut(), is(30));
            assertThat(week2.getMandated().getPushIn(), is(30));
            assertThat(week2.getExcused().getPushIn(), is(30));
            assertThat(week2.getDelivered().getPullOut(), is(30));
            assertThat(week2.getShortfall().getTotal(), is(0));
            assertThat(week2.getStatus(), is(ComplianceStatus.ON_TRACK));
            // Provider absent Tuesday (owed), school closed Thursday (not owed: excused).
            assertThat(week3.getDelivered().getTotal(), is(0));
            assertThat(week3.getMissedOwed(), is(30));
            assertThat(week3.getMissedNotOwed(), is(30));
            assertThat(week3.getExcused().getPushIn(), is(30));
            assertThat(week3.getOwedBalance(), is(30));
            assertThat(week3.getShortfall().getPullOut(), is(30));
            assertThat(week3.getShortfall().getPushIn(), is(0));
            assertThat(week3.getStatus(), is(ComplianceStatus.OUT_OF_COMPLIANCE));
        });
        // After the amendment the minutes count for the new mandate.
        eventually(PROPAGATION).untilAsserted(() -> {
            ComplianceWindow week = mandate(compliance(a, "2026-09-21", "2026-09-27"), newMandate).getPeriods().get(0);
            assertThat(week.getMandated().getPullOut(), is(25));
            assertThat(week.getDelivered().getPullOut(), greaterThan(0));
        });

        // 10. The worklist: Thursday 09-24 is still to come; nothing past is left undocumented and unmissed.
        assertThat(texts(occurrences(provider, slp, "2026-09-01", "2026-09-22", DocumentationStatus.DOCUMENTED), "date"),
                containsInAnyOrder("2026-09-01", "2026-09-03", "2026-09-08", "2026-09-22"));
        assertThat(texts(occurrences(provider, slp, "2026-09-01", "2026-09-22", DocumentationStatus.MISSED), "date"),
                hasItems("2026-09-15", "2026-09-17"));

        // 11. Goal data follows the goal across the amendment: four sessions, three on the old goal id.
        eventually(PROPAGATION).untilAsserted(() ->
                assertThat(status(reporting(GoalProgressApi::new).getStudentGoalProgressWithHttpInfo(newGoal, a), 200)
                        .getPointCount(), is(4)));

        // 12. Claim lines: speech codes are untimed, one unit per session; b's absence left a's group
        // pull-out on 09-08 billed as individual treatment.
        JsonNode claims = json(status(session(MedicaidApi::new).listMedicaidClaimsWithHttpInfo(
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-22"), null, null), 200));
        Predicate<JsonNode> ofA = line -> line.path("studentId").asText().equals(a.toString());
        List<JsonNode> linesOfA = select(claims.path("lines"), ofA);
        assertThat(linesOfA, not(empty()));
        assertThat(linesOfA.stream().map(line -> line.path("units").asInt()).toList(), everyItem(is(1)));
        assertThat(first(claims.path("lines"), ofA.and(line -> line.path("sessionDate").asText().equals("2026-09-08")))
                .path("serviceCode").asText(), is("92507"));
        assertThat(first(claims.path("lines"), ofA.and(line -> line.path("sessionDate").asText().equals("2026-09-01")))
                .path("serviceCode").asText(), is("92508"));
    }

    private static void assertOutcome(JsonNode report, String outcome) {
        assertThat(report.toPrettyString(), report.path("outcome").asText(), is(outcome));
    }

    /** The zip as the SIS sends it, as the multipart form createRosterImport documents first. */
    private JsonNode importRoster(byte[] zip, String source, boolean confirm) throws Exception {
        Path file = Files.createTempFile("roster-" + source + "-", ".zip");
        try {
            Files.write(file, zip);
            return json(status(student(sisToken, RosterImportsApi::new).createRosterImportWithHttpInfo(confirm, null, null,
                    source, null, file.toFile()), 200, 201, 202));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The one record of a listing by sourcedId: its JSON. */
    private static JsonNode only(Object listing) {
        JsonNode records = json(listing);
        assertThat(records.toString(), records.size(), is(1));
        return records.path(0);
    }

    private static UUID schoolOf(String sourcedId) throws Exception {
        return id(only(status(student(SchoolsApi::new).listSchoolsWithHttpInfo(null, null, null, sourcedId, null), 200)));
    }

    private static UUID districtOf(String schoolSourcedId) throws Exception {
        JsonNode school = json(status(student(SchoolsApi::new).listSchoolsWithHttpInfo(null, null, null, schoolSourcedId,
                null), 200)).path(0);
        return UUID.fromString(school.path("districtId").asText());
    }

    private static UUID studentOf(String sourcedId) throws Exception {
        return id(only(status(student(StudentsApi::new).listStudentsWithHttpInfo(null, null, null, null, null, null,
                null, sourcedId, null), 200)));
    }

    private static UUID staffOf(String sourcedId) throws Exception {
        return id(only(status(student(StaffApi::new).listStaffWithHttpInfo(null, null, null, null, null, sourcedId,
                null), 200)));
    }

    private static UUID classOf(String sourcedId) throws Exception {
        return id(only(status(student(ClassesApi::new).listClassesWithHttpInfo(null, null, null, sourcedId, null, null,
                null, null), 200)));
    }

    private static String studentStatus(UUID kid) throws Exception {
        return json(status(student(StudentsApi::new).getStudentWithHttpInfo(kid), 200)).path("status").asText();
    }

    private static void awaitScheduleMandates(UUID kid) {
        eventually(PROPAGATION).untilAsserted(() -> assertThat(status(schedule(
                org.iepservices.client.schedule.api.StudentsApi::new).listStudentMandatesWithHttpInfo(kid, null), 200),
                not(empty())));
    }

    private static void awaitSessionMandates(UUID kid) {
        eventually(PROPAGATION).untilAsserted(() -> assertThat(status(session(KnownRecordsApi::new)
                .listStudentMandatesWithHttpInfo(kid, null, null), 200), not(empty())));
    }

    private static JsonNode occurrences(String token, UUID provider, String from, String to, DocumentationStatus status)
            throws Exception {
        return json(status(session(token, KnownRecordsApi::new).listProviderOccurrencesWithHttpInfo(provider,
                LocalDate.parse(from), null, null, status, LocalDate.parse(to)), 200));
    }

    private static JsonNode misses(UUID kid) throws Exception {
        return json(status(session(MissesApi::new).listMissesWithHttpInfo(null, null, null, null, null, null, null, null,
                kid, null), 200));
    }

    private static JsonNode onDate(JsonNode misses, String date) {
        return first(misses, m -> m.path("sessionDate").asText().equals(date));
    }

    private static List<JsonNode> select(JsonNode array, Predicate<JsonNode> which) {
        List<JsonNode> selected = new ArrayList<>();
        array.forEach(item -> {
            if (which.test(item)) {
                selected.add(item);
            }
        });
        return selected;
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> which) {
        List<JsonNode> selected = select(array, which);
        assertThat(array.toString(), selected, not(empty()));
        return selected.get(0);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText(null)));
        return texts;
    }

    private static List<String> texts(List<JsonNode> items, String field) {
        return items.stream().map(item -> item.path(field).asText(null)).toList();
    }

    private static MandateCompliance mandate(ComplianceResponse compliance, UUID mandateId) {
        return compliance.getMandates().stream().filter(m -> mandateId.equals(m.getMandateId())).findFirst()
                .orElseThrow(() -> new AssertionError("no mandate " + mandateId + " in " + compliance));
    }

    private static ComplianceWindow period(MandateCompliance mandate, String start) {
        return mandate.getPeriods().stream().filter(p -> LocalDate.parse(start).equals(p.getPeriodStart())).findFirst()
                .orElseThrow(() -> new AssertionError("no period from " + start + " in " + mandate));
    }

    /** An amendment: createIepAmendment's 201 body is not in the document (see Clients#undescribed). */
    private static JsonNode createAmendment(UUID iepId, IepRequest amendment) throws Exception {
        Clients.Raw created = Clients.undescribed(() -> student(IepsApi::new).createIepAmendmentWithHttpInfo(iepId,
                amendment));
        assertThat(created.status(), is(201));
        return created.json();
    }

    private static IepRequest iepBody(UUID slp, int minutes, String effectiveFrom, UUID continuesGoal) {
        GoalRequest goal = new GoalRequest().area(GoalArea.EXPRESSIVE_LANGUAGE).skillStage(SkillStage.GENERALIZATION)
                .description("Retell a story with beginning, middle and end").targetPercent(80)
                .measurementMethod(MeasurementMethod.PERCENT_ACCURACY).continuesGoalId(continuesGoal);
        IepRequest body = new IepRequest().startDate(LocalDate.parse("2026-09-01")).endDate(LocalDate.parse("2027-06-18"))
                .eligibility("Speech or Language Impairment").goals(List.of(goal))
                .mandates(List.of(new MandateRequest().serviceType(ServiceType.SPEECH_LANGUAGE).sessionsPerInterval(2)
                        .minutesPerSession(minutes).interval(MandateInterval.WEEK).pushInSessions(1).pullOutSessions(1)
                        .delivery(Delivery.GROUP).maxGroupSize(3).providerId(slp)));
        if (effectiveFrom != null) {
            body.effectiveFrom(LocalDate.parse(effectiveFrom)).amendmentReason("Reduced minutes after progress review");
        }
        return body;
    }

    private static void series(UUID slp, UUID schoolId, String setting, UUID classId, UUID block, DayOfWeek day,
                               List<StudentRef> students) throws Exception {
        SeriesRequest body = new SeriesRequest().providerId(slp).schoolId(schoolId).serviceType("SPEECH_LANGUAGE")
                .setting(org.iepservices.client.schedule.model.ServiceSetting.fromValue(setting));
        if (classId != null) {
            body.classId(classId).activityBlockId(block);
        } else {
            body.room("Speech room 104");
        }
        body.dayOfWeek(day).startTime(setting.equals("PUSH_IN") ? "09:30:00" : "13:00:00").durationMinutes(30)
                .effectiveFrom(LocalDate.parse("2026-09-01")).students(students)
                .override(new ConflictOverride().reason("The slot the team agreed on"));
        status(schedule(SessionSeriesApi::new).createSessionSeriesWithHttpInfo(body, null), 201);
    }

    /** The provider documents and signs an occurrence: attendance per student, goal data for one of them. */
    private static UUID document(String providerToken, UUID occurrenceId, Map<UUID, Attendance> attendance,
                                 UUID goalStudent, UUID goalId) throws Exception {
        List<StudentLine> lines = new ArrayList<>();
        attendance.forEach((kid, present) -> {
            StudentLine line = new StudentLine().studentId(kid).attendance(present);
            if (kid.equals(goalStudent)) {
                line.goalData(List.of(new GoalData().goalId(goalId).measure(GoalMeasure.TRIALS).correct(6).total(10)
                        .cueLevel(CueLevel.MODERATE)));
            }
            lines.add(line);
        });
        UUID log = createLog(providerToken, new SessionLogRequest().occurrenceId(occurrenceId).students(lines));
        status(session(providerToken, SessionLogsApi::new).completeSessionLogWithHttpInfo(log, new CompleteRequest()
                .signedBy("Dana Whitfield").credentials("CCC-SLP")), 200);
        return log;
    }

    /** The SIS's bulk file: district, school, year, a homeroom with its teacher, an SLP and the given students. */
    private byte[] roster(List<String> students) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("orgs.csv", List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "dist-" + run + ",,,District " + run + ",district,D" + run + ",",
                "sch-" + run + ",,,School " + run + ",school,S" + run + ",dist-" + run));
        files.put("academicSessions.csv", List.of(
                "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
                "sy-" + run + ",,,2026-2027,schoolYear,2026-09-01,2027-06-18,,2027"));
        files.put("courses.csv", List.of(
                "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
                "crs-" + run + ",,,sy-" + run + ",Grade 2 Homeroom,HR02,02,sch-" + run + ",homeroom,"));
        files.put("classes.csv", List.of(
                "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
                "hr-" + run + ",,,Room 2,02,crs-" + run + ",HR02,homeroom,Room 2,sch-" + run + ",sy-" + run + ",homeroom,,1"));
        List<String> users = new ArrayList<>(List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline,metadata.credentials"));
        List<String> enrollments = new ArrayList<>(List.of(
                "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate"));
        users.add("tch-" + run + ",,,true,sch-" + run + ",teacher,tch-" + run + ",,Jordan,Reyes,,T" + run
                + ",jordan." + run + "@example.org,,,,,,TEACHER,");
        users.add("slp-" + run + ",,,true,sch-" + run + ",teacher,slp-" + run + ",,Dana,Whitfield,,P" + run
                + ",dana." + run + "@example.org,,,,,,SLP,CCC-SLP");
        enrollments.add("enr-tch-" + run + ",,,hr-" + run + ",sch-" + run + ",tch-" + run + ",teacher,true,,");
        for (String s : students) {
            String id = "stu-" + s + "-" + run;
            users.add(id + ",,,true,sch-" + run + ",student," + id + ",,Kid" + s.toUpperCase() + ",Case,," + id
                    + ",,,,,02,,,");
            enrollments.add("enr-" + id + ",,,hr-" + run + ",sch-" + run + "," + id + ",student,,,");
        }
        files.put("users.csv", users);
        files.put("enrollments.csv", enrollments);
        return zip(files, "District SIS");
    }

    /** The contract agency's bulk file: the same district and school, only its own SLP. */
    private byte[] agencyRoster() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("orgs.csv", List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "dist-" + run + ",,,District " + run + ",district,D" + run + ",",
                "sch-" + run + ",,,School " + run + ",school,S" + run + ",dist-" + run));
        files.put("users.csv", List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline,metadata.credentials",
                "slp-agency-" + run + ",,,true,sch-" + run + ",teacher,slp-agency-" + run + ",,Rafael,Ortiz,,A" + run
                        + ",rafael." + run + "@agency.example,,,,,,SLP,CCC-SLP"));
        return zip(files, "Therapy Agency");
    }

    private static byte[] zip(Map<String, List<String>> files, String system) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder manifest = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n");
            for (String name : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                    "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results",
                    "users")) {
                manifest.append("file.").append(name).append(',')
                        .append(files.containsKey(name + ".csv") ? "bulk" : "absent").append("\r\n");
            }
            manifest.append("source.systemName,").append(system).append("\r\n");
            put(zip, "manifest.csv", manifest.toString());
            for (Map.Entry<String, List<String>> file : files.entrySet()) {
                put(zip, file.getKey(), String.join("\r\n", file.getValue()) + "\r\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
