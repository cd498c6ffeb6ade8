package org.iepservices.student.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A district's whole OneRoster 1.1 bulk export, shaped like the demo's (two elementary schools,
 * 40 students, 12 homeroom teachers, an SLP, an OT and a PT), with sourcedIds made unique by a
 * suffix so tests sharing one database do not meet. {@link #truncatedTo} cuts users.csv short,
 * as an interrupted SIS export would.
 */
final class DistrictRoster {

    static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    static final String SESSIONS = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
    static final String COURSES = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes";
    static final String CLASSES = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
    static final String USERS = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline";
    static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";

    static final int STUDENTS = 40;
    static final int TEACHERS = 12;
    private static final String[] PROVIDERS = {"SLP", "OT", "PT"};

    final String s;
    private final String districtSuffix;
    private int users = Integer.MAX_VALUE;

    DistrictRoster(String suffix) {
        this(suffix, suffix);
    }

    /**
     * A district whose SIS uses the same sourcedIds as another district's for everything but the
     * district org itself (schools, people, classes, enrollments: {@code suffix} is shared).
     */
    DistrictRoster(String suffix, String districtSuffix) {
        this.s = suffix;
        this.districtSuffix = districtSuffix;
    }

    String district() {
        return "dist-" + districtSuffix;
    }

    String school(int i) {
        return "sch" + (i % 2) + "-" + s;
    }

    String student(int i) {
        return "stu" + i + "-" + s;
    }

    DistrictRoster truncatedTo(int userRows) {
        this.users = userRows;
        return this;
    }

    RosterZip zip() {
        List<String> classes = new ArrayList<>();
        List<String> userRows = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        for (int t = 0; t < TEACHERS; t++) {
            classes.add("cls" + t + "-" + s + ",,,Homeroom " + t + ",02,crs-" + s + ",HR-" + t + ",homeroom,Room " + t
                    + "," + school(t) + ",term-" + s + ",,,");
        }
        for (int i = 0; i < STUDENTS; i++) {
            userRows.add(student(i) + ",,,true," + school(i) + ",student,st" + i + "." + s + ",,Student" + i
                    + ",Roster,,,,,,,02,,");
            enrollments.add("es" + i + "-" + s + ",,,cls" + (i % TEACHERS) + "-" + s + "," + school(i % TEACHERS) + ","
                    + student(i) + ",student,,,");
        }
        for (int t = 0; t < TEACHERS; t++) {
            userRows.add("tch" + t + "-" + s + ",,,true," + school(t) + ",teacher,t" + t + "." + s + ",,Teacher" + t
                    + ",Roster,,,,,,,,,");
            enrollments.add("et" + t + "-" + s + ",,,cls" + t + "-" + s + "," + school(t) + ",tch" + t + "-" + s
                    + ",teacher,true,,");
        }
        for (String discipline : PROVIDERS) {
            userRows.add(discipline.toLowerCase() + "-" + s + ",,,true,\"" + school(0) + "," + school(1)
                    + "\",teacher,p." + discipline + "." + s + ",,Pat,Provider,,,,,,,,," + discipline);
        }
        return RosterZip.v11()
                .file("orgs", "bulk", ORGS, district() + ",,,District " + s + ",district,,",
                        school(0) + ",,,Maple " + s + ",school,," + district(),
                        school(1) + ",,,Riverside " + s + ",school,," + district())
                .file("academicSessions", "bulk", SESSIONS,
                        "sy-" + s + ",,,2026-2027,schoolYear,2026-08-24,2027-06-15,,2027",
                        "term-" + s + ",,,Fall,term,2026-08-24,2027-01-15,sy-" + s + ",2027")
                .file("courses", "bulk", COURSES, "crs-" + s + ",,,sy-" + s + ",Homeroom,HR,02," + district() + ",homeroom,")
                .file("classes", "bulk", CLASSES, classes.toArray(String[]::new))
                .file("users", "bulk", USERS, userRows.stream().limit(users).toArray(String[]::new))
                .file("enrollments", "bulk", ENROLLMENTS, enrollments.toArray(String[]::new));
    }
}
