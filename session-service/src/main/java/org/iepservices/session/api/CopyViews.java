package org.iepservices.session.api;

import org.iepservices.session.domain.DocumentationStatus;
import org.iepservices.session.service.Worklist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MandateWindow;
import org.iepservices.session.domain.ServiceDiscipline;
import org.iepservices.session.domain.copy.KnownGoal;
import org.iepservices.session.domain.copy.KnownIep;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.iepservices.session.domain.copy.ServiceProfile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What session-service knows from the other services' events, as clients read it. */
public final class CopyViews {

    private CopyViews() {
    }

    public record School(UUID schoolId, String name, UUID districtId, String timeZone, String status,
                         OffsetDateTime updatedAt) {
        static School of(KnownSchool s) {
            return new School(s.schoolId, s.name, s.districtId, s.timeZone, s.status, s.updatedAt);
        }
    }

    public record Student(UUID studentId, String givenName, String familyName, String grade, UUID schoolId,
                          @Schema(description = "From the school's copy; null while the school is not known or has "
                                  + "no district (the default makeup policy applies then)") UUID districtId,
                          boolean schoolKnown, String status, LocalDate deactivatedOn, OffsetDateTime updatedAt) {
        static Student of(KnownStudent s, KnownSchool school) {
            return new Student(s.studentId, s.givenName, s.familyName, s.grade, s.schoolId,
                    school == null ? null : school.districtId, school != null, s.status, s.deactivatedOn, s.updatedAt);
        }
    }

    public record Provider(UUID providerId, String givenName, String familyName, String discipline, String credentials,
                           String status, OffsetDateTime updatedAt) {
        static Provider of(KnownStaff s) {
            return new Provider(s.staffId, s.givenName, s.familyName, s.discipline, s.credentials, s.status,
                    s.updatedAt);
        }
    }

    public record Mandate(UUID mandateId, UUID iepId, UUID continuesMandateId, String serviceType,
                          @Schema(description = "Who may deliver it: SLP, OT, PT or COUNSELOR") String discipline,
                          UUID providerId, int sessionsPerInterval, int minutesPerSession, String interval,
                          int pushInSessions, int pullOutSessions, String delivery, int maxGroupSize,
                          @Schema(description = "First day in force; null when never in force") LocalDate inForceFrom,
                          @Schema(description = "Last day in force; null for an open end") LocalDate inForceTo,
                          @Schema(description = "In force on the day asked (today by default)") boolean inForce) {
        static Mandate of(KnownMandate m, KnownIep iep, LocalDate on) {
            Optional<MandateWindow> window = iep == null ? Optional.empty() : MandateWindow.of(m.startDate,
                    m.endDate, iep.effectiveFrom, iep.endDate, iep.supersededFrom, iep.endedOn);
            return new Mandate(m.mandateId, m.iepId, m.continuesMandateId, m.serviceType,
                    ServiceDiscipline.of(m.serviceType, m.providerDiscipline), m.providerId, m.sessionsPerInterval,
                    m.minutesPerSession, m.interval, m.pushInSessions, m.pullOutSessions, m.delivery, m.maxGroupSize,
                    window.map(MandateWindow::from).orElse(null), window.map(MandateWindow::to).orElse(null),
                    window.map(w -> w.covers(on)).orElse(false));
        }
    }

    public record Goal(UUID goalId, UUID iepId, String area, String description,
                       @Schema(description = "PERCENT_ACCURACY, FREQUENCY, DURATION (record DURATION data) or RUBRIC "
                               + "(record RUBRIC data on the scale)") String measurementMethod,
                       String skillStage, String serviceType, Integer targetPercent,
                       @Schema(description = "INCREASE (higher is better) or DECREASE (lower is better)") String direction,
                       Double targetValue,
                       @Schema(description = "DURATION goals: SECONDS or MINUTES") String durationUnit,
                       @Schema(description = "RUBRIC goals: the lowest score") Integer scaleMin,
                       @Schema(description = "RUBRIC goals: the highest score") Integer scaleMax) {
        static Goal of(KnownGoal g) {
            return new Goal(g.goalId, g.iepId, g.area, g.description, g.measurementMethod, g.skillStage, g.serviceType,
                    g.targetPercent, g.direction == null ? "INCREASE" : g.direction, g.targetValue, g.durationUnit,
                    g.scaleMin, g.scaleMax);
        }
    }

    public record Profile(UUID studentId, String medicaidId, List<String> diagnosisCodes, boolean billingConsentOnFile,
                          LocalDate billingConsentDate, OffsetDateTime updatedAt) {
        static Profile of(ServiceProfile p) {
            return new Profile(p.studentId, p.medicaidId, List.copyOf(p.diagnosisCodes), p.billingConsent,
                    p.billingConsentDate, p.updatedAt);
        }
    }

    /** One scheduled occurrence with every student scheduled in it. */
    public record Occurrence(UUID occurrenceId, UUID seriesId, UUID providerId, String serviceType,
                             ServiceSetting setting, UUID schoolId, UUID classId, List<String> teacherIds,
                             String activitySubject, String room, LocalDate date, LocalTime startTime,
                             LocalTime endTime, int minutes, List<OccurrenceStudent> students,
                             @Schema(description = "Worklist status: DOCUMENTED, MISSED or UNDOCUMENTED once over "
                                     + "(SCHEDULED before; CANCELLED when withdrawn without a miss)")
                             DocumentationStatus documentationStatus) {
        static Occurrence of(List<ScheduledOccurrence> rows, Worklist.Documentation documentation) {
            ScheduledOccurrence o = rows.stream().filter(r -> !r.cancelled()).findFirst().orElse(rows.get(0));
            List<OccurrenceStudent> students = rows.stream().map(r -> {
                Worklist.StudentDocumentation d = documentation.of(r);
                return new OccurrenceStudent(r.key.studentId(), r.mandateId, r.status, r.cancelReason, r.cancelNote,
                        d.status(), d.sessionLogId(), d.missId());
            }).toList();
            return new Occurrence(o.key.occurrenceId(), o.seriesId, o.providerId, o.serviceType, o.setting, o.schoolId,
                    o.classId, List.copyOf(o.teacherIds), o.activitySubject, o.room, o.date, o.startTime, o.endTime(),
                    o.minutes, students,
                    DocumentationStatus.ofOccurrence(students.stream().map(OccurrenceStudent::documentationStatus).toList()));
        }
    }

    /** Every student the occurrences name, for the access audit. */
    static List<UUID> studentsOf(List<Occurrence> occurrences) {
        return occurrences.stream().flatMap(o -> o.students().stream()).map(OccurrenceStudent::studentId).distinct()
                .toList();
    }

    public record OccurrenceStudent(UUID studentId, UUID mandateId,
                                    @Schema(description = "SCHEDULED or CANCELLED") String status,
                                    String cancelReason, String cancelNote,
                                    @Schema(description = "DOCUMENTED, MISSED, UNDOCUMENTED, SCHEDULED or CANCELLED")
                                    DocumentationStatus documentationStatus,
                                    @Schema(description = "The signed log documenting the student's part") UUID sessionLogId,
                                    @Schema(description = "The miss recorded for the student's part") UUID missId) {
    }
}
