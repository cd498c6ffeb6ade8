package org.iepservices.student.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.iepservices.student.domain.Delivery;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.MandateInterval;
import org.iepservices.student.domain.ServiceMandate;
import org.iepservices.student.domain.ServiceType;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Student;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A student's IEPs in the shape of the Ed-Fi Data Standard 6.1: StudentIEP, StudentIEPServicePrescription
 * and StudentIEPGoal of the Special Education Data Model, and StudentSpecialEducationProgramAssociation with
 * its specialEducationProgramServices. Field names are those of the Ed-Fi API (camelCase, descriptors as
 * {@code uri://ed-fi.org/<Descriptor>#<CodeValue>}). One Ed-Fi record per IEP version that took effect:
 * Ed-Fi creates a new StudentIEP for each amendment and keeps the old one, as we do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EdFiView(String dataStandardVersion,
                       List<StudentSpecialEducationProgramAssociation> studentSpecialEducationProgramAssociations,
                       @JsonProperty("studentIEPs") List<StudentIEP> studentIEPs,
                       @JsonProperty("studentIEPServicePrescriptions")
                       List<StudentIEPServicePrescription> studentIEPServicePrescriptions,
                       @JsonProperty("studentIEPGoals") List<StudentIEPGoal> studentIEPGoals) {

    public static final String DATA_STANDARD = "Ed-Fi Data Standard 6.1 (StudentIEP, StudentIEPServicePrescription, "
            + "StudentIEPGoal: Special Education Data Model, early access; StudentSpecialEducationProgramAssociation: core)";

    public record StudentReference(String studentUniqueId) {
    }

    public record EducationOrganizationReference(String educationOrganizationId) {
    }

    public record StaffReference(String staffUniqueId) {
    }

    public record Staff(StaffReference staffReference) {
    }

    public record ProgramReference(String educationOrganizationId, String programName, String programTypeDescriptor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentIEPReference(@JsonProperty("studentIEPIdentifier") String studentIEPIdentifier,
                                      @JsonProperty("iepFinalizedDate") LocalDate iepFinalizedDate,
                                      String educationOrganizationId, String studentUniqueId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentIEP(@JsonProperty("studentIEPIdentifier") String studentIEPIdentifier,
                             @JsonProperty("iepFinalizedDate") LocalDate iepFinalizedDate,
                             EducationOrganizationReference educationOrganizationReference,
                             StudentReference studentReference,
                             @JsonProperty("iepBeginDate") LocalDate iepBeginDate,
                             @JsonProperty("iepEndDate") LocalDate iepEndDate,
                             @JsonProperty("iepAmendedDate") LocalDate iepAmendedDate,
                             @JsonProperty("iepStatusDescriptor") String iepStatusDescriptor) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StudentIEPServicePrescription(@JsonProperty("studentIEPReference") StudentIEPReference studentIEPReference,
                                                String servicePrescriptionDescriptor,
                                                LocalDate servicePrescriptionDate,
                                                LocalDate beginDate,
                                                LocalDate endDate,
                                                int duration,
                                                String durationIntervalDescriptor,
                                                BigDecimal frequency,
                                                String frequencyIntervalDescriptor,
                                                String serviceLocationTypeDescriptor,
                                                List<Staff> staffs) {
    }

    public record StudentIEPGoal(@JsonProperty("studentIEPReference") StudentIEPReference studentIEPReference,
                                 @JsonProperty("iepGoalIdentifier") String iepGoalIdentifier,
                                 @JsonProperty("iepGoalDetails") String iepGoalDetails,
                                 @JsonProperty("iepGoalTypeDescriptor") String iepGoalTypeDescriptor) {
    }

    public record ServiceProvider(StaffReference staffReference, boolean primaryProvider) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SpecialEducationProgramService(String specialEducationProgramServiceDescriptor,
                                                 boolean primaryIndicator, LocalDate serviceBeginDate,
                                                 LocalDate serviceEndDate, List<ServiceProvider> providers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentSpecialEducationProgramAssociation(
            LocalDate beginDate,
            EducationOrganizationReference educationOrganizationReference,
            ProgramReference programReference,
            StudentReference studentReference,
            boolean ideaEligibility,
            @JsonProperty("iepBeginDate") LocalDate iepBeginDate,
            @JsonProperty("iepEndDate") LocalDate iepEndDate,
            LocalDate specialEducationExitDate,
            List<SpecialEducationProgramService> specialEducationProgramServices) {
    }

    private static final String NS = "uri://ed-fi.org/";

    static String descriptor(String name, String codeValue) {
        return NS + name + "#" + codeValue;
    }

    /**
     * Builds the view from the student's IEP versions. Drafts are left out (not finalized); each
     * version that took effect is one StudentIEP, its mandates one prescription per setting used.
     */
    static EdFiView of(Student student, School school, List<Iep> versions, ZoneId districtZone) {
        String studentId = student.sourcedId != null ? student.sourcedId : student.id.toString();
        String orgId = school == null ? null : school.sourcedId != null ? school.sourcedId : school.id.toString();
        List<Iep> finalized = versions.stream().filter(v -> v.status != IepStatus.DRAFT && v.activatedAt != null)
                .sorted(Comparator.comparing((Iep v) -> v.effectiveFrom).thenComparing(v -> v.versionNumber)).toList();
        List<StudentIEP> ieps = new ArrayList<>();
        List<StudentIEPServicePrescription> prescriptions = new ArrayList<>();
        List<StudentIEPGoal> goals = new ArrayList<>();
        for (Iep v : finalized) {
            LocalDate finalizedDate = v.activatedAt.atZoneSameInstant(districtZone).toLocalDate();
            ieps.add(new StudentIEP(v.id.toString(), finalizedDate, new EducationOrganizationReference(orgId),
                    new StudentReference(studentId), v.startDate, v.status == IepStatus.ENDED ? v.endedOn : v.endDate,
                    v.isAmendment() ? v.effectiveFrom : null,
                    descriptor("IEPStatusDescriptor", v.status == IepStatus.ACTIVE ? "Active" : "Inactive")));
            StudentIEPReference ref = new StudentIEPReference(v.id.toString(), finalizedDate, orgId, studentId);
            for (ServiceMandate m : v.mandates) {
                LocalDate end = min(m.endDate, v.effectiveTo());
                if (m.pullOutSessions > 0) {
                    prescriptions.add(prescription(ref, m, end, m.pullOutSessions, pullOutLocation(m)));
                }
                if (m.pushInSessions > 0) {
                    prescriptions.add(prescription(ref, m, end, m.pushInSessions, "General Education Classroom"));
                }
            }
            for (IepGoal g : v.goals) {
                goals.add(new StudentIEPGoal(ref, g.id.toString(), g.target == null ? g.description
                        : g.description + " Target: " + g.target,
                        descriptor("IEPGoalTypeDescriptor", "Functional Performance")));
            }
        }
        List<StudentSpecialEducationProgramAssociation> programs = new ArrayList<>();
        if (!finalized.isEmpty()) {
            Iep latest = finalized.get(finalized.size() - 1);
            List<SpecialEducationProgramService> services = latest.mandates.stream()
                    .map(m -> new SpecialEducationProgramService(
                            descriptor("SpecialEducationProgramServiceDescriptor", programService(m.serviceType)),
                            latest.mandates.get(0) == m, m.startDate, min(m.endDate, latest.effectiveTo()),
                            m.providerId == null ? List.of()
                                    : List.of(new ServiceProvider(new StaffReference(m.providerId.toString()), true))))
                    .toList();
            programs.add(new StudentSpecialEducationProgramAssociation(finalized.get(0).effectiveFrom,
                    new EducationOrganizationReference(orgId),
                    new ProgramReference(orgId, "Special Education", descriptor("ProgramTypeDescriptor", "Special Education")),
                    new StudentReference(studentId), true, latest.effectiveFrom, latest.effectiveTo(),
                    latest.status == IepStatus.ENDED ? latest.endedOn : null, services));
        }
        return new EdFiView(DATA_STANDARD, programs, ieps, prescriptions, goals);
    }

    /**
     * One setting of a mandate. duration is the minutes per interval in that setting and frequency the
     * sessions per interval, so minutes per session = duration / frequency (2 x 20 push-in per week is
     * duration 40, frequency 2, Week).
     */
    private static StudentIEPServicePrescription prescription(StudentIEPReference ref, ServiceMandate m, LocalDate end,
                                                              int sessions, String location) {
        String interval = interval(m.interval);
        return new StudentIEPServicePrescription(ref,
                descriptor("ServicePrescriptionDescriptor", prescribedService(m.serviceType)), m.startDate,
                m.startDate, end, sessions * m.minutesPerSession, descriptor("DurationIntervalDescriptor", interval),
                BigDecimal.valueOf(sessions), descriptor("FrequencyIntervalDescriptor", interval),
                descriptor("ServiceLocationTypeDescriptor", location),
                m.providerId == null ? List.of() : List.of(new Staff(new StaffReference(m.providerId.toString()))));
    }

    /** Ed-Fi has no "IEP term" interval; IEP terms are a year, so a per-term mandate is per Year. */
    static String interval(MandateInterval interval) {
        return switch (interval) {
            case WEEK -> "Week";
            case MONTH -> "Month";
            case IEP_TERM -> "Year";
        };
    }

    /** Pull-out is a separate setting: the therapy room of the service, for one student or a small group. */
    static String pullOutLocation(ServiceMandate m) {
        boolean group = m.delivery == Delivery.GROUP;
        return switch (m.serviceType) {
            case SPEECH_LANGUAGE -> group ? "Speech Therapy Room (Small Group)" : "Special Education Therapy Room (Individual)";
            case OCCUPATIONAL_THERAPY -> group ? "Special Education Therapy Room (Small Group)"
                    : "Occupational Therapy Room (Individual)";
            case PHYSICAL_THERAPY -> group ? "Special Education Therapy Room (Small Group)"
                    : "Physical Therapy Room (Individual)";
            case COUNSELING -> "Special Education School Counselor's Office";
        };
    }

    static String prescribedService(ServiceType type) {
        return switch (type) {
            case SPEECH_LANGUAGE -> "Speech and Language (Related Service)";
            case OCCUPATIONAL_THERAPY -> "Occupational Therapy";
            case PHYSICAL_THERAPY -> "Physical Therapy";
            case COUNSELING -> "Counseling";
        };
    }

    static String programService(ServiceType type) {
        return switch (type) {
            case SPEECH_LANGUAGE -> "Speech-Language And Audiology Services";
            case OCCUPATIONAL_THERAPY, PHYSICAL_THERAPY -> "Occupational And Physical Therapy";
            case COUNSELING -> "Counseling Services";
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
