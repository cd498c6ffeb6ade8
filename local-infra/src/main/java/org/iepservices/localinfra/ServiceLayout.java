package org.iepservices.localinfra;

import java.util.List;

/** The four services: module directory, database, default port. Shared by the local run and e2e. */
public record ServiceLayout(String module, String database, int defaultPort) {

    public static final ServiceLayout STUDENT = new ServiceLayout("student-service", "student", 8081);
    public static final ServiceLayout SCHEDULE = new ServiceLayout("schedule-service", "schedule", 8082);
    public static final ServiceLayout SESSION = new ServiceLayout("session-service", "session", 8083);
    public static final ServiceLayout REPORTING = new ServiceLayout("reporting-service", "reporting", 8084);

    public static final List<ServiceLayout> ALL = List.of(STUDENT, SCHEDULE, SESSION, REPORTING);
}
