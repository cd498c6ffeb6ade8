package org.iepservices.reporting.edfi;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.events.EventType;
import org.iepservices.events.IepActivated;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.reporting.testing.EventPublisher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A district's roster, IEPs and sessions as the producers publish them, stamped a second apart (so an
 * addendum is newer than the log it corrects), with ids unique per test run.
 */
public final class EdFiDistrict implements AutoCloseable {

    public static final LocalDate IEP_START = LocalDate.parse("2026-09-01");
    public static final LocalDate IEP_END = LocalDate.parse("2027-06-15");

    public final EventPublisher events = new EventPublisher();
    public final UUID district = UUID.randomUUID();
    public final String run = UUID.randomUUID().toString().substring(0, 8);
    private OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);

    /** A student with one speech IEP: 2 x 30 min a week, 1 push-in + 1 pull-out, and its goals. */
    public record Student(UUID id, String sourcedId, UUID school, UUID iep, UUID mandate, UUID provider, List<UUID> goals) {
    }

    <T> void send(EventType<T> type, UUID subject, T payload) throws Exception {
        time = time.plusSeconds(1);
        events.send(type, subject, payload, time);
    }

    public UUID school(String sourcedId) throws Exception {
        UUID school = UUID.randomUUID();
        send(SchoolUpserted.TYPE, school, new SchoolUpserted(school, sourcedId, "School " + sourcedId, district,
                "America/New_York", "active"));
        return school;
    }

    public UUID provider(String given, String family) throws Exception {
        UUID staff = UUID.randomUUID();
        send(StaffUpserted.TYPE, staff, new StaffUpserted(staff, "T-" + run + given.charAt(0), given, family,
                given.toLowerCase() + "@example.org", "SLP", "CCC-SLP", List.of(), "active"));
        return staff;
    }

    public Student student(UUID school, UUID provider, String given, int goals) throws Exception {
        UUID student = UUID.randomUUID();
        String sourcedId = "S-" + run + "-" + given;
        send(StudentUpserted.TYPE, student, new StudentUpserted(student, sourcedId, given, "Tester", "3", school,
                "active"));
        UUID iep = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        List<IepActivated.Goal> goalList = new ArrayList<>();
        for (int i = 0; i < goals; i++) {
            goalList.add(new IepActivated.Goal(UUID.randomUUID(), "ARTICULATION", given + " produces /r/ in words "
                    + (i + 1), "40%", "80% accuracy", 80, "PERCENT_ACCURACY", "ACQUISITION", "SPEECH_LANGUAGE"));
        }
        send(IepActivated.TYPE, student, new IepActivated(iep, student, null, IEP_START, IEP_END,
                List.of(new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", provider, 2, 30, "WEEK", 1, 1,
                        "INDIVIDUAL", 1, IEP_START, IEP_END, "classroom", "speech room", List.of())), goalList));
        return new Student(student, sourcedId, school, iep, mandate, provider,
                goalList.stream().map(IepActivated.Goal::goalId).toList());
    }

    public UUID completed(Student s, ServiceSetting setting, String date, int minutes,
                   SessionCompleted.Repayment... makeupFor) throws Exception {
        UUID log = UUID.randomUUID();
        send(SessionCompleted.TYPE, s.id(), new SessionCompleted(log, s.id(), s.mandate(), s.provider(), setting,
                LocalDate.parse(date), minutes, List.of(makeupFor)));
        return log;
    }

    public void amended(Student s, UUID log, ServiceSetting setting, String date, int before, int after) throws Exception {
        send(SessionAmended.TYPE, s.id(), new SessionAmended(log, UUID.randomUUID(), s.id(), s.mandate(), s.provider(),
                setting, LocalDate.parse(date), before, after, List.of(), "corrected"));
    }

    public UUID missed(Student s, ServiceSetting setting, String date, int minutes) throws Exception {
        UUID miss = UUID.randomUUID();
        send(SessionMissed.TYPE, s.id(), new SessionMissed(miss, s.id(), s.mandate(), s.provider(), setting,
                LocalDate.parse(date), minutes, "PROVIDER_ABSENT", "OWED"));
        return miss;
    }

    /**
     * The messy week of 2026-09-14 and its makeup: a pull-out held (30), a push-in missed by the
     * provider (owed), the makeup a week later repaying it (30), a pull-out amended from 30 to 20, and a
     * push-in logged then amended to 0 (the student was not there after all). Delivered: 30 + 30 + 20.
     */
    public List<UUID> messySessions(Student s) throws Exception {
        UUID held = completed(s, ServiceSetting.PULL_OUT, "2026-09-15", 30);
        UUID miss = missed(s, ServiceSetting.PUSH_IN, "2026-09-17", 30);
        UUID makeup = completed(s, ServiceSetting.PUSH_IN, "2026-09-22", 30, new SessionCompleted.Repayment(miss, 30));
        UUID shortened = completed(s, ServiceSetting.PULL_OUT, "2026-09-22", 30);
        UUID withdrawn = completed(s, ServiceSetting.PUSH_IN, "2026-09-24", 30);
        amended(s, shortened, ServiceSetting.PULL_OUT, "2026-09-22", 30, 20);
        amended(s, withdrawn, ServiceSetting.PUSH_IN, "2026-09-24", 30, 0);
        return List.of(held, makeup, shortened, withdrawn);
    }

    /** What a test needs of a seeded student: ids, the roster's sourcedId, and the messy week's session logs. */
    public record Seeded(UUID id, String sourcedId, UUID school, UUID iep, UUID mandate, List<UUID> goals,
                         List<UUID> logs) {
    }

    private UUID numberedSchool;
    private UUID sam;

    /**
     * A student of this district's school 255901001 (a numeric state school id) with a speech IEP, two
     * goals and {@link #messySessions}, by provider Sam Speech.
     */
    public Seeded seedMessyStudent() throws Exception {
        if (numberedSchool == null) {
            numberedSchool = school("255901001");
            sam = provider("Sam", "Speech");
        }
        return seed(numberedSchool, "Ava");
    }

    /** A student of {@code school} with a speech IEP, two goals and the messy week. */
    public Seeded seed(UUID school, String given) throws Exception {
        if (sam == null) {
            sam = provider("Sam", "Speech");
        }
        Student s = student(school, sam, given, 2);
        List<UUID> logs = messySessions(s);
        return new Seeded(s.id(), s.sourcedId(), school, s.iep(), s.mandate(), s.goals(), logs);
    }

    /** A district administrator of this district. */
    public RequestSpecification admin() {
        return as(Role.DISTRICT_ADMIN_NAME);
    }

    public RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(TokenIssuer.shared().token("edfi-" + role + "-" + run, role)
                .districtId(district).sign());
    }

    @Override
    public void close() {
        events.close();
    }
}
