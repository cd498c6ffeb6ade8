package org.iepservices.rest.openapi;

import org.iepservices.rest.openapi.OperationIdNaming.OperationKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperationIdNamingTest {

    /** Real paths of the four services and the name a client developer would expect. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // student-service
            "GET,    /api/v1/students,                                   listStudents",
            "POST,   /api/v1/students,                                   createStudent",
            "GET,    /api/v1/students/{id},                              getStudent",
            "PUT,    /api/v1/students/{id},                              replaceStudent",
            "GET,    /api/v1/students/{studentId}/ieps,                  listStudentIeps",
            "POST,   /api/v1/students/{studentId}/ieps,                  createStudentIep",
            "POST,   /api/v1/ieps/{id}/activate,                         activateIep",
            "POST,   /api/v1/ieps/{id}/amendments,                       createIepAmendment",
            "POST,   /api/v1/ieps/{id}/end,                              endIep",
            "GET,    /api/v1/ieps/{id}/history,                          getIepHistory",
            "DELETE, /api/v1/ieps/{id},                                  deleteIep",
            "GET,    /api/v1/students/{studentId}/service-profile,       getStudentServiceProfile",
            "PUT,    /api/v1/students/{studentId}/service-profile,       replaceStudentServiceProfile",
            "POST,   /api/v1/roster/imports,                             createRosterImport",
            "GET,    /api/v1/roster/imports/{id},                        getRosterImport",
            "PUT,    /api/v1/roster/{type}/{sourcedId},                  replaceRosterSourcedId",
            "GET,    /api/v1/caseload-assignments,                       listCaseloadAssignments",
            "GET,    /api/v1/classes/{id},                               getClass",
            "GET,    /api/v1/staff,                                      listStaff",
            "GET,    /api/v1/staff/{id},                                 getStaff",
            "GET,    /ims/oneroster/rostering/v1p2/academicSessions,     listOneRosterAcademicSessions",
            "GET,    /ims/oneroster/rostering/v1p2/classes/{sourcedId},  getOneRosterClass",
            // schedule-service
            "GET,    /api/v1/providers/{providerId}/schedule,            getProviderSchedule",
            "GET,    /api/v1/providers/{providerId}/availability,        listProviderAvailability",
            "GET,    /api/v1/providers/{providerId}/availability/{windowId}, getProviderAvailability",
            "PUT,    /api/v1/providers/{providerId}/limits,              replaceProviderLimits",
            "GET,    /api/v1/providers/{providerId}/limits,              getProviderLimits",
            "POST,   /api/v1/session-series/check,                       checkSessionSeries",
            "POST,   /api/v1/occurrences/{id}/move,                      moveOccurrence",
            "GET,    /api/v1/scheduler/jobs/{id}/result,                 getSchedulerJobResult",
            "GET,    /api/v1/schools/{schoolId}/calendars/{schoolYear}/instructional-days, listSchoolCalendarInstructionalDays",
            "POST,   /api/v1/admin/dead-letters/replay,                  replayDeadLetters",
            // session-service
            "POST,   /api/v1/session-logs,                               createSessionLog",
            "GET,    /api/v1/session-logs,                               listSessionLogs",
            "POST,   /api/v1/session-logs/{id}/complete,                 completeSessionLog",
            "POST,   /api/v1/session-logs/{id}/addenda,                  createSessionLogAddendum",
            "POST,   /api/v1/misses/{id}/resolution,                     createMissResolution",
            "GET,    /api/v1/districts/{districtId}/makeup-policy,       getDistrictMakeupPolicy",
            "GET,    /api/v1/medicaid/claim-batches/{id}/file,           getMedicaidClaimBatchFile",
            "DELETE, /api/v1/districts/{districtId}/medicaid/service-codes/{id}, deleteDistrictMedicaidServiceCode",
            "GET,    /api/v1/teachers/{teacherId}/push-in-occurrences,   listTeacherPushInOccurrences",
            // reporting-service
            "GET,    /api/v1/compliance/students/{studentId},            getComplianceStudent",
            "GET,    /api/v1/students/{studentId}/goal-progress,         getStudentGoalProgress",
            "POST,   /api/v1/rebuild,                                    rebuild",
            "GET,    /api/v1/admin/dead-letters,                         listDeadLetters",
    })
    void namesAnOperationFromMethodAndPath(String method, String path, String expected) {
        assertEquals(expected, OperationIdNaming.derive(method, path));
    }

    @Test
    void clashesGetANumberInPathOrderAndExplicitIdsWin() {
        OperationKey logs = new OperationKey("GET", "/api/v1/session-logs");
        OperationKey logsCsv = new OperationKey("GET", "/api/v1/session_logs");
        OperationKey student = new OperationKey("GET", "/api/v1/students/{id}");
        OperationKey oneRosterStudent = new OperationKey("GET", "/api/v1/students/{sourcedId}");

        Map<OperationKey, String> ids = OperationIdNaming.assign(
                List.of(logsCsv, oneRosterStudent, logs, student),
                Map.of(student, "getStudent"));

        assertEquals("listSessionLogs", ids.get(logs));
        assertEquals("listSessionLogs2", ids.get(logsCsv));
        assertEquals("getStudent", ids.get(student));
        assertEquals("getStudent2", ids.get(oneRosterStudent));
        assertEquals(ids.size(), new HashSet<>(ids.values()).size());
    }

    @Test
    void aPathWithItemsUnderItIsACollectionEvenWhenItsNameIsAVerb() {
        OperationKey start = new OperationKey("POST", "/api/v1/admin/rebuild");
        OperationKey recent = new OperationKey("GET", "/api/v1/admin/rebuild");
        OperationKey status = new OperationKey("GET", "/api/v1/admin/rebuild/{rebuildId}");

        Map<OperationKey, String> ids = OperationIdNaming.assign(List.of(start, recent, status), Map.of());

        assertEquals("createRebuild", ids.get(start));
        assertEquals("listRebuilds", ids.get(recent));
        assertEquals("getRebuild", ids.get(status));

        OperationKey replaceAll = new OperationKey("PUT", "/api/v1/travel-times");
        OperationKey deleteOne = new OperationKey("DELETE", "/api/v1/travel-times/{id}");
        assertEquals("replaceTravelTimes", OperationIdNaming.assign(List.of(replaceAll, deleteOne), Map.of()).get(replaceAll));
    }

    @Test
    void singularisesTheLastWordOnly() {
        assertEquals("SessionLog", OperationIdNaming.singular("SessionLogs"));
        assertEquals("Activity", OperationIdNaming.singular("Activities"));
        assertEquals("Class", OperationIdNaming.singular("Classes"));
        assertEquals("Progress", OperationIdNaming.singular("Progress"));
        assertEquals("SessionSeries", OperationIdNaming.singular("SessionSeries"));
    }
}
