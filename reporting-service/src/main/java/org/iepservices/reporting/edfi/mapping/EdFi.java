package org.iepservices.reporting.edfi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The four resources of the Ed-Fi Data Standard 6.1 Special Education Data Model (early access) that
 * this service exports, in the JSON shape of the Ed-Fi ODS/API: camelCase property names of the
 * model, references as {@code ...Reference} objects of the referenced resource's identity, descriptors
 * as {@code uri://ed-fi.org/<Descriptor>#<CodeValue>}. What the model has no property for (the minutes
 * of a delivery, its setting) travels in the extension object {@code _ext.iepServices}, as Ed-Fi
 * extensions do.
 */
public final class EdFi {

    private EdFi() {
    }

    /** The resource names of the ODS/API paths ({@code /ed-fi/<name>}), in the order a push sends them. */
    public static final String STUDENT_IEPS = "studentIEPs";
    public static final String PRESCRIPTIONS = "studentIEPServicePrescriptions";
    public static final String GOALS = "studentIEPGoals";
    public static final String DELIVERIES = "studentIEPServiceDeliveries";
    public static final List<String> RESOURCES = List.of(STUDENT_IEPS, PRESCRIPTIONS, GOALS, DELIVERIES);

    @Schema(name = "EdFiStudentReference")
    public record StudentReference(String studentUniqueId) {
    }

    @Schema(name = "EdFiEducationOrganizationReference")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EducationOrganizationReference(Long educationOrganizationId) {
    }

    @Schema(name = "EdFiStaffReference")
    public record StaffReference(String staffUniqueId) {
    }

    @Schema(name = "EdFiStaff")
    public record Staff(StaffReference staffReference) {
    }

    /** The identity of a StudentIEP, as other resources reference it. */
    @Schema(name = "EdFiStudentIEPReference")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StudentIEPReference(Long educationOrganizationId,
                                      @JsonProperty("iepFinalizedDate") LocalDate iepFinalizedDate,
                                      @JsonProperty("studentIEPIdentifier") String studentIEPIdentifier,
                                      String studentUniqueId) {
    }

    /** The identity of a StudentIEPServicePrescription, as a delivery references it. */
    @Schema(name = "EdFiStudentIEPServicePrescriptionReference")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StudentIEPServicePrescriptionReference(Long educationOrganizationId,
                                                         @JsonProperty("iepFinalizedDate") LocalDate iepFinalizedDate,
                                                         @JsonProperty("studentIEPIdentifier") String studentIEPIdentifier,
                                                         String studentUniqueId,
                                                         String servicePrescriptionDescriptor,
                                                         LocalDate servicePrescriptionDate) {
    }

    @Schema(name = "EdFiStudentIEP", description = "Ed-Fi 6.1 StudentIEP: one per IEP version that took effect")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentIEP(@JsonProperty("studentIEPIdentifier") String studentIEPIdentifier,
                             @JsonProperty("iepFinalizedDate") LocalDate iepFinalizedDate,
                             @JsonInclude(JsonInclude.Include.ALWAYS)
                             EducationOrganizationReference educationOrganizationReference,
                             StudentReference studentReference,
                             @JsonProperty("iepBeginDate") LocalDate iepBeginDate,
                             @JsonProperty("iepEndDate") LocalDate iepEndDate,
                             @JsonProperty("iepAmendedDate") LocalDate iepAmendedDate,
                             @JsonProperty("iepStatusDescriptor") String iepStatusDescriptor) {
    }

    /** Push-in and pull-out minutes per interval of a mandate that splits them (the model has one location). */
    @Schema(name = "EdFiPrescriptionExtension")
    public record PrescriptionExtension(int pushInMinutes, int pullOutMinutes, int pushInSessions,
                                        int pullOutSessions, String delivery) {
    }

    @Schema(name = "EdFiPrescriptionExt")
    public record PrescriptionExt(PrescriptionExtension iepServices) {
    }

    @Schema(name = "EdFiStudentIEPServicePrescription",
            description = "Ed-Fi 6.1 StudentIEPServicePrescription: one per service mandate of the IEP version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
                                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Staff> staffs,
                                                @JsonProperty("_ext") PrescriptionExt ext) {
    }

    /** Ed-Fi's Provider common: a person who delivered the service. */
    @Schema(name = "EdFiProvider")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provider(String firstName, String lastSurname, Boolean primaryProvider,
                           StaffReference staffReference) {
    }

    /**
     * What a delivery record carries beyond the model: the minutes credited to the student for the
     * session (after addenda), its setting and service kind, and the minutes of it that repay misses.
     */
    @Schema(name = "EdFiDeliveryExtension")
    public record DeliveryExtension(int deliveredMinutes, String setting, String serviceKind, int madeUpMinutes) {
    }

    @Schema(name = "EdFiDeliveryExt")
    public record DeliveryExt(DeliveryExtension iepServices) {
    }

    @Schema(name = "EdFiStudentIEPServiceDelivery",
            description = "Ed-Fi 6.1 StudentIEPServiceDelivery: one per completed session credited to the student")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentIEPServiceDelivery(@JsonProperty("studentIEPReference") StudentIEPReference studentIEPReference,
                                            @JsonProperty("iepServiceDeliveryIdentifier") String iepServiceDeliveryIdentifier,
                                            String serviceDeliveryDescriptor,
                                            LocalDate serviceDeliveryDate,
                                            @JsonProperty("studentIEPServicePrescriptionReference")
                                            StudentIEPServicePrescriptionReference studentIEPServicePrescriptionReference,
                                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Provider> providers,
                                            @JsonProperty("_ext") DeliveryExt ext) {
    }

    @Schema(name = "EdFiStudentIEPGoal", description = "Ed-Fi 6.1 StudentIEPGoal: one per goal of the IEP version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentIEPGoal(@JsonProperty("studentIEPReference") StudentIEPReference studentIEPReference,
                                 @JsonProperty("iepGoalIdentifier") String iepGoalIdentifier,
                                 @JsonProperty("iepGoalDetails") String iepGoalDetails,
                                 @JsonProperty("iepGoalTypeDescriptor") String iepGoalTypeDescriptor) {
    }
}
