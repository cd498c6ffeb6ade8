package org.iepservices.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.iepservices.schedule.domain.iep.Goal;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.iep.MandateConstraint;
import org.iepservices.schedule.domain.iep.ServiceProfile;
import org.iepservices.schedule.domain.roster.School;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.domain.roster.Student;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What schedule-service knows of student-service's records (built from roster.events and iep.events). */
public final class CopyDtos {

    private CopyDtos() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolView(UUID id, String name, UUID districtId, String timeZone, String status) {
        public static SchoolView of(School s) {
            return new SchoolView(s.id, s.name, s.districtId, s.timeZone, s.status);
        }
    }

    public record ClassRef(UUID classId, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProfileView(String regulationSupport, boolean needsQuietSetting) {
        public static ProfileView of(ServiceProfile p) {
            return p == null ? null : new ProfileView(p.regulationSupport, p.needsQuietSetting);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentView(UUID id, String givenName, String familyName, String grade, UUID schoolId,
                              String status, LocalDate deactivatedOn, List<ClassRef> classes,
                              ProfileView serviceProfile) {
        public static StudentView of(Student s, List<ClassRef> classes, ServiceProfile profile) {
            return new StudentView(s.id, s.givenName, s.familyName, s.grade, s.schoolId, s.status, s.deactivatedOn,
                    classes, ProfileView.of(profile));
        }
    }

    public record ConstraintView(String kind, String subject, String note) {
        static ConstraintView of(MandateConstraint c) {
            return new ConstraintView(c.kind(), c.subject(), c.note());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MandateView(UUID id, UUID iepId, UUID studentId, UUID continuesMandateId, String serviceType,
                              String providerDiscipline, UUID providerId, int sessionsPerInterval,
                              int minutesPerSession, String interval, int pushInSessions, int pullOutSessions,
                              String delivery, int maxGroupSize, LocalDate startDate, LocalDate endDate,
                              LocalDate endsInForce, String pushInLocation, String pullOutLocation,
                              List<ConstraintView> constraints) {
        public static MandateView of(Mandate m) {
            return new MandateView(m.id, m.iepId, m.studentId, m.continuesMandateId, m.serviceType,
                    m.providerDiscipline, m.providerId, m.sessionsPerInterval, m.minutesPerSession, m.interval,
                    m.pushInSessions, m.pullOutSessions, m.delivery, m.maxGroupSize, m.startDate, m.endDate,
                    m.effectiveEnd, m.pushInLocation, m.pullOutLocation,
                    m.constraints.stream().map(ConstraintView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalView(UUID id, UUID iepId, String area, String description, String baseline, String target,
                           Integer targetPercent, String measurementMethod, String skillStage, String serviceType) {
        public static GoalView of(Goal g) {
            return new GoalView(g.id, g.iepId, g.area, g.description, g.baseline, g.target, g.targetPercent,
                    g.measurementMethod, g.skillStage, g.serviceType);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffView(UUID id, String givenName, String familyName, String email, String discipline,
                            String credentials, Set<UUID> schoolIds, String status) {
        public static StaffView of(Staff s) {
            return new StaffView(s.id, s.givenName, s.familyName, s.email, s.discipline, s.credentials,
                    Set.copyOf(s.schoolIds), s.status);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClassView(UUID id, String title, String classType, UUID schoolId, String status,
                            List<UUID> teacherIds, List<UUID> studentIds) {
        public static ClassView of(SchoolClass c, List<UUID> teachers, List<UUID> students) {
            return new ClassView(c.id, c.title, c.classType, c.schoolId, c.status, teachers, students);
        }
    }
}
