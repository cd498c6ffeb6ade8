package org.iepservices.student.domain.roster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OneRoster CSV files we import, in the order they are applied (referenced records first),
 * with what the 1.1 and 1.2 CSV specifications require of each. Columns are matched by header
 * name, so only names matter here, not positions.
 */
public enum RosterFile {

    ORGS("orgs",
            cols("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"),
            Set.of("sourcedId", "name", "type"),
            Set.of("sourcedId", "name", "type")),
    ACADEMIC_SESSIONS("academicSessions",
            cols("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
                    "parentSourcedId", "schoolYear"),
            Set.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
            Set.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear")),
    COURSES("courses",
            cols("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                    "orgSourcedId", "subjects", "subjectCodes"),
            Set.of("sourcedId", "title", "orgSourcedId"),
            Set.of("sourcedId", "title", "orgSourcedId")),
    CLASSES("classes",
            cols("sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                    "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
                    "periods"),
            Set.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
            Set.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds")),
    /** Before users: a new student's birth date is there when the student is first projected. */
    DEMOGRAPHICS("demographics",
            cols("sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative",
                    "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
                    "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
                    "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus"),
            Set.of("sourcedId"),
            Set.of("sourcedId")),
    USERS("users",
            cols("sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
                    "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                    "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds",
                    "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId",
                    "pronouns"),
            Set.of("sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName"),
            // 1.2 moved the role and the orgs to roles.csv
            Set.of("sourcedId", "enabledUser", "username", "givenName", "familyName")),
    /** 1.2 only: a user's role per org. */
    ROLES("roles",
            cols("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate",
                    "endDate", "orgSourcedId", "userProfileSourcedId"),
            Set.of(),
            Set.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId")),
    ENROLLMENTS("enrollments",
            cols("sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId",
                    "role", "primary", "beginDate", "endDate"),
            Set.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
            Set.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"));

    /** Values the specs enumerate, compared case-insensitively and stored in the spec's spelling. */
    static final Map<String, List<String>> ENUMERATIONS = Map.of(
            "orgs.type", List.of("department", "school", "district", "local", "state", "national"),
            "academicSessions.type", List.of("gradingPeriod", "semester", "schoolYear", "term"),
            "classes.classType", List.of("homeroom", "scheduled"),
            "users.role", List.of("administrator", "aide", "guardian", "parent", "proctor", "relative", "student",
                    "teacher"),
            "roles.role", List.of("aide", "counselor", "districtAdministrator", "guardian", "parent", "principal",
                    "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher"),
            "roles.roleType", List.of("primary", "secondary"),
            "enrollments.role", List.of("administrator", "aide", "guardian", "parent", "proctor", "relative",
                    "student", "teacher"),
            "demographics.sex", List.of("male", "female", "other", "unspecified"));

    static final Set<String> DATE_COLUMNS = Set.of("startDate", "endDate", "beginDate", "birthDate");
    static final Set<String> BOOLEAN_COLUMNS = Set.of("enabledUser", "primary", "americanIndianOrAlaskaNative",
            "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
            "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity");

    private final String fileName;
    private final List<String> columns;
    private final Set<String> requiredV11;
    private final Set<String> requiredV12;

    RosterFile(String fileName, List<String> columns, Set<String> requiredV11, Set<String> requiredV12) {
        this.fileName = fileName;
        this.columns = columns;
        this.requiredV11 = requiredV11;
        this.requiredV12 = requiredV12;
    }

    /** The name in the zip and in the manifest ({@code file.<name>}), without {@code .csv}. */
    public String fileName() {
        return fileName;
    }

    /** Also the entity name the records are stored under. */
    public String entity() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean inVersion(RosterVersion version) {
        return this != ROLES || version == RosterVersion.V1_2;
    }

    /** Columns that must be present in the header and filled in every row. */
    public Set<String> requiredColumns(RosterVersion version) {
        return version == RosterVersion.V1_2 ? requiredV12 : requiredV11;
    }

    public Optional<List<String>> allowedValues(String column) {
        return Optional.ofNullable(ENUMERATIONS.get(fileName + "." + column));
    }

    public static Optional<RosterFile> byFileName(String name) {
        for (RosterFile file : values()) {
            if (file.fileName.equalsIgnoreCase(name)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static List<String> cols(String... names) {
        return List.of(names);
    }
}
