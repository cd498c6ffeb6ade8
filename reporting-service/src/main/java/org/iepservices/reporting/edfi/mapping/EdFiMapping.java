package org.iepservices.reporting.edfi.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reporting's copies of IEPs, mandates, goals and credited sessions as Ed-Fi 6.1 records. Plain Java
 * (unit-tested in {@code EdFiMappingTest}); the rows come from {@code edfi.service.EdFiRecords}.
 * Descriptor code values are those student-service's per-student Ed-Fi view uses, so both agree.
 */
public final class EdFiMapping {

    static final String NAMESPACE = "uri://ed-fi.org/";
    /** Ed-Fi's studentUniqueId and staffUniqueId are at most 32 characters. */
    static final int UNIQUE_ID_LENGTH = 32;
    private static final Pattern EDORG_ID = Pattern.compile("\\d{1,18}");

    private EdFiMapping() {
    }

    /** A StudentIEP: one IEP version that took effect, with its student and school. */
    public record IepRow(UUID iepId, UUID studentId, String studentSourcedId, String schoolSourcedId, String kind,
                         LocalDate effectiveFrom, LocalDate endDate, LocalDate endedOn, LocalDate inForceUntil,
                         OffsetDateTime recordedAt) {
    }

    public record MandateRow(IepRow iep, UUID mandateId, String serviceType, int minutesPerSession, String interval,
                             int pushInSessions, int pullOutSessions, String delivery, LocalDate startDate,
                             LocalDate endDate, UUID providerId, String providerSourcedId) {
    }

    public record DeliveryRow(MandateRow mandate, UUID sessionLogId, LocalDate sessionDate, String setting,
                              int minutes, int madeUpMinutes, UUID providerId, String providerSourcedId,
                              String providerGivenName, String providerFamilyName) {
    }

    public record GoalRow(IepRow iep, UUID goalId, String description, String target) {
    }

    public static String descriptor(String name, String codeValue) {
        return NAMESPACE + name + "#" + codeValue;
    }

    /** The district's student id (OneRoster sourcedId) when it fits Ed-Fi's 32 characters, else our id without dashes. */
    public static String uniqueId(String sourcedId, UUID id) {
        if (sourcedId != null && !sourcedId.isBlank() && sourcedId.length() <= UNIQUE_ID_LENGTH) {
            return sourcedId;
        }
        return id == null ? null : id.toString().replace("-", "");
    }

    /**
     * Ed-Fi's educationOrganizationId is a number: the school's sourcedId when it is one (the state's
     * school id, as districts' SIS exports usually carry it), else null, which the ODS refuses as a
     * missing required field (reported by the push, not hidden).
     */
    public static Long educationOrganizationId(String schoolSourcedId) {
        return schoolSourcedId != null && EDORG_ID.matcher(schoolSourcedId.trim()).matches()
                ? Long.valueOf(schoolSourcedId.trim()) : null;
    }

    /** The IEP was finalized when student-service activated it: the date of its event, in the district. */
    public static LocalDate finalizedDate(IepRow iep, ZoneId zone) {
        return iep.recordedAt().atZoneSameInstant(zone).toLocalDate();
    }

    public static EdFi.StudentIEPReference reference(IepRow iep, ZoneId zone) {
        return new EdFi.StudentIEPReference(educationOrganizationId(iep.schoolSourcedId()), finalizedDate(iep, zone),
                iep.iepId().toString(), uniqueId(iep.studentSourcedId(), iep.studentId()));
    }

    /**
     * Active while the version is in force on {@code today} (from its effective date to the day before a
     * later version, its end or IepEnded), Inactive before and after: Ed-Fi keeps amended versions as
     * their own records.
     */
    public static EdFi.StudentIEP studentIep(IepRow iep, ZoneId zone, LocalDate today) {
        boolean active = !today.isBefore(iep.effectiveFrom())
                && (iep.inForceUntil() == null || !today.isAfter(iep.inForceUntil()));
        return new EdFi.StudentIEP(iep.iepId().toString(), finalizedDate(iep, zone),
                new EdFi.EducationOrganizationReference(educationOrganizationId(iep.schoolSourcedId())),
                new EdFi.StudentReference(uniqueId(iep.studentSourcedId(), iep.studentId())), iep.effectiveFrom(),
                iep.endedOn() != null ? iep.endedOn() : iep.endDate(),
                "AMENDED".equals(iep.kind()) ? iep.effectiveFrom() : null,
                descriptor("IEPStatusDescriptor", active ? "Active" : "Inactive"));
    }

    /**
     * One prescription per mandate: Ed-Fi identifies a prescription by its IEP, service and date, so a
     * mandate split between push-in and pull-out is one record (two would share one identity and the ODS
     * would keep only the last). duration = minutes per interval, frequency = sessions per interval; the
     * location is the setting of most sessions (pull-out on a tie); the split is in {@code _ext}.
     */
    public static EdFi.StudentIEPServicePrescription prescription(MandateRow m, ZoneId zone) {
        int sessions = m.pushInSessions() + m.pullOutSessions();
        String interval = interval(m.interval());
        String location = m.pushInSessions() > m.pullOutSessions() ? "General Education Classroom"
                : pullOutLocation(m.serviceType(), m.delivery());
        List<EdFi.Staff> staffs = m.providerId() == null ? List.of()
                : List.of(new EdFi.Staff(new EdFi.StaffReference(uniqueId(m.providerSourcedId(), m.providerId()))));
        return new EdFi.StudentIEPServicePrescription(reference(m.iep(), zone),
                descriptor("ServicePrescriptionDescriptor", prescribedService(m.serviceType())), m.startDate(),
                m.startDate(), m.endDate(), sessions * m.minutesPerSession(),
                descriptor("DurationIntervalDescriptor", interval), BigDecimal.valueOf(sessions),
                descriptor("FrequencyIntervalDescriptor", interval),
                descriptor("ServiceLocationTypeDescriptor", location), staffs,
                new EdFi.PrescriptionExt(new EdFi.PrescriptionExtension(m.pushInSessions() * m.minutesPerSession(),
                        m.pullOutSessions() * m.minutesPerSession(), m.pushInSessions(), m.pullOutSessions(),
                        m.delivery())));
    }

    public static EdFi.StudentIEPServicePrescriptionReference prescriptionReference(MandateRow m, ZoneId zone) {
        EdFi.StudentIEPReference iep = reference(m.iep(), zone);
        return new EdFi.StudentIEPServicePrescriptionReference(iep.educationOrganizationId(), iep.iepFinalizedDate(),
                iep.studentIEPIdentifier(), iep.studentUniqueId(),
                descriptor("ServicePrescriptionDescriptor", prescribedService(m.serviceType())), m.startDate());
    }

    /**
     * One delivery per session log credited to the student (after addenda; a session amended to 0
     * minutes did not happen and is no delivery): Ed-Fi identifies a delivery by its IEP, identifier,
     * kind and date, and has no minutes property, so the credited minutes are in {@code _ext}.
     */
    public static EdFi.StudentIEPServiceDelivery delivery(DeliveryRow d, ZoneId zone) {
        String kind = serviceKind();
        List<EdFi.Provider> providers = d.providerId() == null ? List.of()
                : List.of(new EdFi.Provider(orUnknown(d.providerGivenName()), orUnknown(d.providerFamilyName()), true,
                        new EdFi.StaffReference(uniqueId(d.providerSourcedId(), d.providerId()))));
        return new EdFi.StudentIEPServiceDelivery(reference(d.mandate().iep(), zone), d.sessionLogId().toString(),
                descriptor("ServiceDeliveryDescriptor", deliveryCode(kind, d.setting())), d.sessionDate(),
                prescriptionReference(d.mandate(), zone), providers,
                new EdFi.DeliveryExt(new EdFi.DeliveryExtension(d.minutes(), d.setting(), kind, d.madeUpMinutes())));
    }

    public static EdFi.StudentIEPGoal goal(GoalRow g, ZoneId zone) {
        String details = g.description() == null ? "" : g.description();
        if (g.target() != null && !g.target().isBlank()) {
            details = details + " Target: " + g.target();
        }
        return new EdFi.StudentIEPGoal(reference(g.iep(), zone), g.goalId().toString(),
                details.length() > 2048 ? details.substring(0, 2048) : details,
                descriptor("IEPGoalTypeDescriptor", "Functional Performance"));
    }

    /** Every mandate is direct service today; consultation becomes a second kind when mandates state it. */
    static String serviceKind() {
        return "DIRECT";
    }

    static String deliveryCode(String kind, String setting) {
        String k = "CONSULT".equals(kind) ? "Consultation" : "Direct";
        String s = switch (setting == null ? "" : setting) {
            case "PUSH_IN" -> "Push-In";
            case "PULL_OUT" -> "Pull-Out";
            case "TELETHERAPY" -> "Teletherapy";
            default -> setting;
        };
        return k + " " + s;
    }

    /** Ed-Fi has no "IEP term" interval; IEP terms are a year, so a per-term mandate is per Year. */
    static String interval(String interval) {
        return switch (interval == null ? "" : interval) {
            case "WEEK" -> "Week";
            case "MONTH" -> "Month";
            case "DAY" -> "Day";
            default -> "Year";
        };
    }

    static String pullOutLocation(String serviceType, String delivery) {
        boolean group = "GROUP".equals(delivery);
        return switch (serviceType == null ? "" : serviceType) {
            case "SPEECH_LANGUAGE" -> group ? "Speech Therapy Room (Small Group)"
                    : "Special Education Therapy Room (Individual)";
            case "OCCUPATIONAL_THERAPY" -> group ? "Special Education Therapy Room (Small Group)"
                    : "Occupational Therapy Room (Individual)";
            case "PHYSICAL_THERAPY" -> group ? "Special Education Therapy Room (Small Group)"
                    : "Physical Therapy Room (Individual)";
            case "COUNSELING" -> "Special Education School Counselor's Office";
            default -> "Special Education Therapy Room (Individual)";
        };
    }

    static String prescribedService(String serviceType) {
        return switch (serviceType == null ? "" : serviceType) {
            case "SPEECH_LANGUAGE" -> "Speech and Language (Related Service)";
            case "OCCUPATIONAL_THERAPY" -> "Occupational Therapy";
            case "PHYSICAL_THERAPY" -> "Physical Therapy";
            case "COUNSELING" -> "Counseling";
            default -> serviceType;
        };
    }

    private static String orUnknown(String name) {
        return name == null || name.isBlank() ? "Unknown" : name;
    }
}
