package org.iepservices.reporting.edfi.mapping;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class EdFiMappingTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final UUID STUDENT = UUID.fromString("6f1c2a52-0b7e-4a43-9d3e-1f2a3b4c5d6e");

    private static EdFiMapping.IepRow iep(String kind, LocalDate until) {
        return new EdFiMapping.IepRow(UUID.randomUUID(), STUDENT, "S-1001", "255901001", kind,
                LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-15"), null, until,
                OffsetDateTime.parse("2026-09-01T02:30:00Z"));
    }

    @Test
    void identifiersFollowEdFisTypesAndLengths() {
        assertEquals("S-1001", EdFiMapping.uniqueId("S-1001", STUDENT));
        assertEquals("6f1c2a520b7e4a439d3e1f2a3b4c5d6e", EdFiMapping.uniqueId(null, STUDENT));
        assertEquals("6f1c2a520b7e4a439d3e1f2a3b4c5d6e", EdFiMapping.uniqueId("x".repeat(33), STUDENT),
                "a sourcedId longer than studentUniqueId's 32 characters");
        assertEquals(255901001L, EdFiMapping.educationOrganizationId(" 255901001 "));
        assertNull(EdFiMapping.educationOrganizationId("maple"));
        assertNull(EdFiMapping.educationOrganizationId(null));
    }

    @Test
    void theFinalizedDateIsTheActivationDateInTheDistrict() {
        // 02:30 UTC on Sept 1 is still Aug 31 in New York.
        assertEquals(LocalDate.parse("2026-08-31"), EdFiMapping.finalizedDate(iep("ACTIVATED", null), NEW_YORK));
    }

    @Test
    void aVersionIsActiveWhileInForceAndAnAmendmentSaysWhen() {
        var inForce = EdFiMapping.studentIep(iep("ACTIVATED", null), NEW_YORK, LocalDate.parse("2026-10-01"));
        assertEquals("uri://ed-fi.org/IEPStatusDescriptor#Active", inForce.iepStatusDescriptor());
        assertNull(inForce.iepAmendedDate());
        var superseded = EdFiMapping.studentIep(iep("AMENDED", LocalDate.parse("2026-09-30")), NEW_YORK,
                LocalDate.parse("2026-10-01"));
        assertEquals("uri://ed-fi.org/IEPStatusDescriptor#Inactive", superseded.iepStatusDescriptor());
        assertEquals(LocalDate.parse("2026-09-01"), superseded.iepAmendedDate());
    }

    @Test
    void aSplitMandateIsOnePrescriptionWithItsSplitInTheExtension() {
        var m = new EdFiMapping.MandateRow(iep("ACTIVATED", null), UUID.randomUUID(), "SPEECH_LANGUAGE", 30, "MONTH",
                1, 2, "GROUP", LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-15"), UUID.randomUUID(), "T-7");
        var p = EdFiMapping.prescription(m, NEW_YORK);
        assertEquals(90, p.duration());
        assertEquals(3, p.frequency().intValue());
        assertEquals("uri://ed-fi.org/FrequencyIntervalDescriptor#Month", p.frequencyIntervalDescriptor());
        assertEquals("uri://ed-fi.org/ServiceLocationTypeDescriptor#Speech Therapy Room (Small Group)",
                p.serviceLocationTypeDescriptor(), "most sessions are pull-out, in a group");
        assertEquals(30, p.ext().iepServices().pushInMinutes());
        assertEquals(60, p.ext().iepServices().pullOutMinutes());
        assertEquals("T-7", p.staffs().get(0).staffReference().staffUniqueId());
    }

    @Test
    void aDeliveryNamesItsKindAndSettingAndCarriesItsMinutes() {
        var m = new EdFiMapping.MandateRow(iep("ACTIVATED", null), UUID.randomUUID(), "OCCUPATIONAL_THERAPY", 30, "WEEK",
                1, 0, "INDIVIDUAL", LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-15"), null, null);
        var d = EdFiMapping.delivery(new EdFiMapping.DeliveryRow(m, UUID.randomUUID(), LocalDate.parse("2026-09-15"),
                "PUSH_IN", 25, 10, UUID.randomUUID(), null, null, "Otis"), NEW_YORK);
        assertEquals("uri://ed-fi.org/ServiceDeliveryDescriptor#Direct Push-In", d.serviceDeliveryDescriptor());
        assertEquals(25, d.ext().iepServices().deliveredMinutes());
        assertEquals(10, d.ext().iepServices().madeUpMinutes());
        assertEquals("Unknown", d.providers().get(0).firstName(), "Ed-Fi requires a provider's names");
        assertEquals("uri://ed-fi.org/ServicePrescriptionDescriptor#Occupational Therapy",
                d.studentIEPServicePrescriptionReference().servicePrescriptionDescriptor());
    }
}
