package org.iepservices.student.repository;

import org.flywaydb.core.Flyway;
import org.iepservices.localinfra.LocalInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V14 (sourcedIds unique per district) on a database that V13 left with data: a fresh database is
 * migrated up to V13, seeded the way imports of that time left it (one district with a school, a
 * department, a student, a 1.2 user placed through a role, a teacher, a class, a course, a term, an
 * enrollment; and a school of no district, as a single-district deployment has), then migrated to
 * V14. Every row must land in its district (the no-district ones in the nil district), and the new
 * keys must allow the same sourcedId in two districts but not twice in one.
 */
class RosterDistrictKeysMigrationTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final UUID DISTRICT = UUID.randomUUID();

    private static String url;

    @BeforeAll
    static void migrateV13SeedThenV14() throws SQLException {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        String database = "student_v14_" + UUID.randomUUID().toString().substring(0, 8);
        infra.createDatabase(database);
        url = infra.jdbcUrl(database);
        flyway("13").migrate();
        UUID school = UUID.randomUUID();
        UUID plainSchool = UUID.randomUUID();
        UUID cls = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into district (id, sourced_id, name, status, created_at, updated_at) values ('" + DISTRICT
                    + "', 'dist-a', 'District A', 'active', now(), now())");
            s.execute("insert into school (id, name, district_id, sourced_id, created_at, updated_at) values"
                    + " ('" + school + "', 'Maple', '" + DISTRICT + "', 'sch-1', now(), now()),"
                    + " ('" + plainSchool + "', 'Plain', null, 'sch-0', now(), now())");
            s.execute("insert into student (id, given_name, family_name, grade, school_id, sourced_id, status, created_at,"
                    + " updated_at) values (gen_random_uuid(), 'Ava', 'A', '2', '" + school + "', 'stu-1', 'active', now(), now()),"
                    + " (gen_random_uuid(), 'Cal', 'C', '3', '" + plainSchool + "', 'stu-0', 'active', now(), now())");
            s.execute("insert into staff (id, given_name, family_name, email, discipline, sourced_id, created_at, updated_at)"
                    + " values ('" + teacher + "', 'Dana', 'W', 'dana@example.org', 'SLP', 'tch-1', now(), now())");
            s.execute("insert into staff_school (staff_id, school_id) values ('" + teacher + "', '" + school + "')");
            s.execute("insert into academic_session (id, sourced_id, title, type, start_date, end_date, status, created_at,"
                    + " updated_at) values (gen_random_uuid(), 'term-1', 'Fall', 'term', '2026-08-24', '2027-01-15',"
                    + " 'active', now(), now())");
            s.execute("insert into course (id, sourced_id, title, org_sourced_id, status, created_at, updated_at) values"
                    + " (gen_random_uuid(), 'crs-1', 'Homeroom', 'dist-a', 'active', now(), now())");
            s.execute("insert into class_section (id, sourced_id, title, school_id, course_sourced_id, term_sourced_ids,"
                    + " status, created_at, updated_at) values ('" + cls + "', 'cls-1', 'HR', '" + school
                    + "', 'crs-1', '{term-1}', 'active', now(), now())");
            s.execute("insert into enrollment (id, sourced_id, class_sourced_id, user_sourced_id, class_id, school_id, role,"
                    + " status, created_at, updated_at) values (gen_random_uuid(), 'enr-1', 'cls-1', 'stu-1', '" + cls
                    + "', '" + school + "', 'student', 'active', now(), now())");
            record(s, "orgs", "dist-a", "{\"type\":\"district\"}", "{dist-a}");
            record(s, "orgs", "sch-1", "{\"type\":\"school\",\"parentSourcedId\":\"dist-a\"}", "{sch-1}");
            record(s, "orgs", "dept-1", "{\"type\":\"department\",\"parentSourcedId\":\"sch-1\"}", "{dept-1}");
            record(s, "orgs", "sch-0", "{\"type\":\"school\"}", "{sch-0}");
            record(s, "users", "stu-1", "{\"role\":\"student\"}", "{sch-1}");
            record(s, "users", "stu-0", "{\"role\":\"student\"}", "{sch-0}");
            record(s, "users", "u-12", "{}", null); // 1.2: placed through its role at the department
            record(s, "users", "guardian-1", "{\"role\":\"guardian\"}", "{dept-1}"); // a roster record only
            record(s, "roles", "role-1", "{\"userSourcedId\":\"u-12\",\"orgSourcedId\":\"dept-1\"}", "{dept-1}");
            record(s, "demographics", "u-12", "{}", null);
            record(s, "academicSessions", "term-1", "{}", null);
            record(s, "classes", "cls-1", "{\"schoolSourcedId\":\"sch-1\"}", "{sch-1}");
        }
        flyway("14").migrate();
    }

    @Test
    void projectedRowsTakeTheirSchoolsDistrict() throws SQLException {
        assertEquals(DISTRICT.toString(), one("select roster_district from district where sourced_id = 'dist-a'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from school where sourced_id = 'sch-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from student where sourced_id = 'stu-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from staff where sourced_id = 'tch-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from class_section where sourced_id = 'cls-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from enrollment where sourced_id = 'enr-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from course where sourced_id = 'crs-1'"));
        assertEquals(DISTRICT.toString(), one("select roster_district from academic_session where sourced_id = 'term-1'"));
        // A single-district deployment's rows (no district known) are in the nil district.
        assertEquals(NIL, one("select roster_district from school where sourced_id = 'sch-0'"));
        assertEquals(NIL, one("select roster_district from student where sourced_id = 'stu-0'"));
    }

    @Test
    void rosterRecordsFollowTheirRowsOrgsRolesAndUsers() throws SQLException {
        for (String[] r : new String[][] {{"orgs", "dist-a"}, {"orgs", "sch-1"}, {"orgs", "dept-1"}, {"users", "stu-1"},
                {"users", "u-12"}, {"users", "guardian-1"}, {"roles", "role-1"}, {"demographics", "u-12"},
                {"academicSessions", "term-1"}, {"classes", "cls-1"}}) {
            assertEquals(DISTRICT.toString(), one("select roster_district from roster_record where entity = '" + r[0]
                    + "' and sourced_id = '" + r[1] + "'"), r[0] + " " + r[1]);
        }
        assertEquals(NIL, one("select roster_district from roster_record where entity = 'orgs' and sourced_id = 'sch-0'"));
        assertEquals(NIL, one("select roster_district from roster_record where entity = 'users' and sourced_id = 'stu-0'"));
    }

    @Test
    void theSameSourcedIdFitsInTwoDistrictsButNotTwiceInOne() throws SQLException {
        UUID other = UUID.randomUUID();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (UUID district : new UUID[] {DISTRICT, other}) {
                s.execute("insert into school (id, name, district_id, sourced_id, created_at, updated_at, roster_district)"
                        + " values (gen_random_uuid(), 'Twin', '" + district + "', 'sch-9', now(), now(), '" + district
                        + "')");
                s.execute("insert into roster_record (roster_district, entity, sourced_id, status, fields, extensions,"
                        + " row_hash, changed_at, sources) values ('" + district + "', 'orgs', 'sch-9', 'active', '{}',"
                        + " '{}', 'h', now(), '{x}')");
            }
            assertThrows(SQLException.class, () -> s.execute("insert into school (id, name, sourced_id, created_at,"
                    + " updated_at, roster_district) values (gen_random_uuid(), 'Again', 'sch-9', now(), now(), '" + other
                    + "')"));
        }
        assertEquals("2", one("select count(*) from school where sourced_id = 'sch-9'"));
        assertEquals("2", one("select count(*) from roster_record where entity = 'orgs' and sourced_id = 'sch-9'"));
    }

    private static void record(Statement s, String entity, String id, String fields, String orgs) throws SQLException {
        s.execute("insert into roster_record (entity, sourced_id, status, fields, extensions, row_hash, changed_at, sources,"
                + " orgs) values ('" + entity + "', '" + id + "', 'active', '" + fields + "', '{}', 'h', now(), '{legacy}', "
                + (orgs == null ? "null" : "'" + orgs + "'") + ")");
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Flyway flyway(String target) {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        return Flyway.configure().dataSource(url, infra.username(), infra.password())
                .locations("classpath:db/migration", "classpath:db/outbox").outOfOrder(true).target(target).load();
    }

    private static Connection connect() throws SQLException {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        return DriverManager.getConnection(url, infra.username(), infra.password());
    }
}
