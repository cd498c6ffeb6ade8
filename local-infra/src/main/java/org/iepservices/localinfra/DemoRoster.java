package org.iepservices.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The demo district as its SIS would export it: a OneRoster 1.1 CSV zip (bulk) with the district
 * and two schools, the school year, a homeroom per grade and school with its teacher, the related
 * service providers (discipline and credentials in {@code metadata.*} columns) and forty students
 * with birth dates. The demo imports it through the same endpoint a district integration uses.
 */
final class DemoRoster {

    static final String[] GRADES = {"KG", "01", "02", "03", "04", "05"};
    static final String[] SCHOOLS = {"maple", "riverside"};
    static final String[] SCHOOL_NAMES = {"Maple Elementary", "Riverside Elementary"};

    private static final String[] GIVEN = {"Ava", "Liam", "Sofia", "Noah", "Mia", "Elijah", "Isabella", "Mateo",
            "Amara", "Lucas", "Zoe", "Ethan", "Layla", "Kai", "Nora", "Diego", "Aaliyah", "Owen", "Priya", "Jamal"};
    private static final String[] FAMILY = {"Johnson", "Nguyen", "Garcia", "Okafor", "Smith", "Patel", "Kim",
            "Martinez", "Brown", "Haddad", "Lopez", "Chen", "Williams", "Cohen", "Rivera", "Davis", "Yilmaz", "Lee",
            "Moore", "Silva"};
    private static final String[] TEACHER_FAMILY = {"Reyes", "Baker", "Foster", "Ibrahim", "Novak", "Quinn",
            "Alvarez", "Bennett", "Castillo", "Dubois", "Eriksen", "Fischer"};
    private static final String[] TEACHER_GIVEN = {"Jordan", "Casey", "Morgan", "Avery", "Riley", "Taylor"};

    /** A provider as the roster lists them. */
    record Provider(String sourcedId, String givenName, String familyName, String discipline, String credentials,
                    List<String> schools) {
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("slp-whitfield", "Dana", "Whitfield", "SLP", "M.S., CCC-SLP", List.of("maple", "riverside")),
            new Provider("slp-ortiz", "Rafael", "Ortiz", "SLP", "M.A., CCC-SLP", List.of("riverside")),
            new Provider("ot-tanaka", "Mei", "Tanaka", "OT", "OTR/L", List.of("maple", "riverside")));

    static String classId(String school, String grade) {
        return "hr-" + school + "-" + grade;
    }

    static String teacherId(String school, String grade) {
        return "tch-" + school + "-" + grade;
    }

    static String studentId(int i) {
        return "stu-" + String.format("%03d", i + 1);
    }

    static String schoolOf(int student) {
        return SCHOOLS[student % 2];
    }

    static String gradeOf(int student) {
        return GRADES[(student / 2) % GRADES.length];
    }

    static String studentGiven(int i) {
        return GIVEN[i % GIVEN.length];
    }

    static String studentFamily(int i) {
        return FAMILY[(i * 7) % FAMILY.length];
    }

    static String teacherName(String school, String grade) {
        int n = (school.equals(SCHOOLS[0]) ? 0 : 6) + java.util.Arrays.asList(GRADES).indexOf(grade);
        return TEACHER_GIVEN[n % TEACHER_GIVEN.length] + " " + TEACHER_FAMILY[n];
    }

    static byte[] zip(int students, LocalDate firstDay, LocalDate lastDay) {
        int startYear = firstDay.getYear();
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("orgs.csv", new ArrayList<>(List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "demo-district,,,Demo Unified School District,district,DUSD,")));
        for (int s = 0; s < SCHOOLS.length; s++) {
            files.get("orgs.csv").add(SCHOOLS[s] + ",,," + SCHOOL_NAMES[s] + ",school," + SCHOOLS[s].toUpperCase()
                    + ",demo-district");
        }
        files.put("academicSessions.csv", List.of("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
                "sy-" + startYear + ",,," + startYear + "-" + (startYear + 1) + ",schoolYear," + firstDay + "," + lastDay
                        + ",," + (startYear + 1)));
        List<String> courses = new ArrayList<>(List.of("sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes"));
        List<String> classes = new ArrayList<>(List.of("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods"));
        List<String> users = new ArrayList<>(List.of("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline,metadata.credentials"));
        List<String> enrollments = new ArrayList<>(List.of("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate"));
        List<String> demographics = new ArrayList<>(List.of("sourcedId,status,dateLastModified,birthDate,sex"));
        for (String school : SCHOOLS) {
            for (String grade : GRADES) {
                String course = "hr-course-" + school + "-" + grade;
                courses.add(course + ",,,sy-" + startYear + ",Grade " + grade + " Homeroom,HR" + grade + "," + grade + ","
                        + school + ",homeroom,");
                String room = "Room " + (grade.equals("KG") ? "K" : grade.substring(1)) + (school.equals("maple") ? "M" : "R");
                classes.add(classId(school, grade) + ",,," + room + " (Grade " + grade + ")," + grade + "," + course + ","
                        + "HR" + grade + "-" + school + ",homeroom," + room + "," + school + ",sy-" + startYear + ",homeroom,,1");
                String teacher = teacherId(school, grade);
                String[] name = teacherName(school, grade).split(" ");
                users.add(teacher + ",,,true," + school + ",teacher," + teacher + ",," + name[0] + "," + name[1] + ",,"
                        + teacher.toUpperCase() + "," + name[0].toLowerCase() + "." + name[1].toLowerCase()
                        + "@demo-district.example,,,,," + ",TEACHER,");
                enrollments.add("enr-" + teacher + ",,," + classId(school, grade) + "," + school + "," + teacher
                        + ",teacher,true,,");
            }
        }
        for (Provider p : PROVIDERS) {
            users.add(p.sourcedId() + ",,,true,\"" + String.join(",", p.schools()) + "\",teacher," + p.sourcedId() + ",,"
                    + p.givenName() + "," + p.familyName() + ",," + p.sourcedId().toUpperCase() + ","
                    + p.givenName().toLowerCase() + "." + p.familyName().toLowerCase() + "@demo-district.example,,,,,,"
                    + p.discipline() + ",\"" + p.credentials() + "\"");
        }
        for (int i = 0; i < students; i++) {
            String id = studentId(i);
            String school = schoolOf(i);
            String grade = gradeOf(i);
            users.add(id + ",,,true," + school + ",student," + id + ",," + studentGiven(i) + "," + studentFamily(i)
                    + ",," + id.toUpperCase() + ",,,,," + grade + ",,,");
            enrollments.add("enr-" + id + ",,," + classId(school, grade) + "," + school + "," + id + ",student,,,");
            int birthYear = startYear - 5 - java.util.Arrays.asList(GRADES).indexOf(grade);
            demographics.add(id + ",,," + LocalDate.of(birthYear, 1 + (i % 12), 1 + (i % 27)) + "," + (i % 2 == 0 ? "female" : "male"));
        }
        files.put("courses.csv", courses);
        files.put("classes.csv", classes);
        files.put("users.csv", users);
        files.put("enrollments.csv", enrollments);
        files.put("demographics.csv", demographics);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder manifest = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n");
            for (String name : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                    "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users")) {
                manifest.append("file.").append(name).append(',')
                        .append(files.containsKey(name + ".csv") ? "bulk" : "absent").append("\r\n");
            }
            manifest.append("source.systemName,Demo SIS\r\n");
            put(zip, "manifest.csv", manifest.toString());
            for (Map.Entry<String, List<String>> file : files.entrySet()) {
                put(zip, file.getKey(), String.join("\r\n", file.getValue()) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private DemoRoster() {
    }
}
