package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class EdFiApiTest {

    private static final String ED_FI = "uri://ed-fi.org/";

    @Test
    void iepVersionsArePrescriptionsPerSettingInEdFiShape() {
        IepFixtures f = new IepFixtures();
        Map<String, Object> combined = f.speech(1, 1);
        combined.put("delivery", "INDIVIDUAL");
        combined.put("maxGroupSize", 1);
        String first = f.activeDraft(f.schoolYear(List.of(combined)));
        Map<String, Object> amendment = f.schoolYear(List.of(f.speech(2, 0)));
        amendment.put("effectiveFrom", "2026-11-02");
        amendment.put("amendmentReason", "Generalization in class");
        String second = given().contentType(ContentType.JSON).body(amendment)
                .post("/api/v1/ieps/" + first + "/amendments").then().statusCode(201).extract().path("id");
        // A draft is not finalized: Ed-Fi does not see it yet.
        given().get("/api/v1/students/" + f.student + "/edfi").then().statusCode(200)
                .body("studentIEPs", hasSize(1));
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + second + "/activate").then().statusCode(200);

        JsonPath edfi = given().get("/api/v1/students/" + f.student + "/edfi").then().statusCode(200)
                .body("dataStandardVersion", containsString("6.1"))
                .body("studentIEPs.studentIEPIdentifier", contains(first, second))
                .body("studentIEPs[0].iepBeginDate", is("2026-09-01"))
                .body("studentIEPs[0].iepEndDate", is("2027-08-31"))
                .body("studentIEPs[0].iepAmendedDate", nullValue())
                .body("studentIEPs[0].iepStatusDescriptor", is(ED_FI + "IEPStatusDescriptor#Inactive"))
                .body("studentIEPs[0].studentReference.studentUniqueId", is(f.student))
                .body("studentIEPs[0].iepFinalizedDate", notNullValue())
                .body("studentIEPs[1].iepAmendedDate", is("2026-11-02"))
                .body("studentIEPs[1].iepStatusDescriptor", is(ED_FI + "IEPStatusDescriptor#Active"))
                .body("studentIEPServicePrescriptions", hasSize(3))
                .extract().jsonPath();

        // 2 x 30 = 1 pull-out + 1 push-in: one prescription per setting, until the amendment took effect.
        String pullOut = "studentIEPServicePrescriptions[0].";
        given().get("/api/v1/students/" + f.student + "/edfi").then()
                .body(pullOut + "studentIEPReference.studentIEPIdentifier", is(first))
                .body(pullOut + "servicePrescriptionDescriptor",
                        is(ED_FI + "ServicePrescriptionDescriptor#Speech and Language (Related Service)"))
                .body(pullOut + "servicePrescriptionDate", is("2026-09-01"))
                .body(pullOut + "beginDate", is("2026-09-01"))
                .body(pullOut + "endDate", is("2026-11-01"))
                .body(pullOut + "duration", is(30))
                .body(pullOut + "durationIntervalDescriptor", is(ED_FI + "DurationIntervalDescriptor#Week"))
                .body(pullOut + "frequency", is(1))
                .body(pullOut + "frequencyIntervalDescriptor", is(ED_FI + "FrequencyIntervalDescriptor#Week"))
                .body(pullOut + "serviceLocationTypeDescriptor",
                        is(ED_FI + "ServiceLocationTypeDescriptor#Special Education Therapy Room (Individual)"))
                .body(pullOut + "staffs[0].staffReference.staffUniqueId", is(f.slp))
                .body("studentIEPServicePrescriptions[1].serviceLocationTypeDescriptor",
                        is(ED_FI + "ServiceLocationTypeDescriptor#General Education Classroom"))
                .body("studentIEPServicePrescriptions[1].duration", is(30))
                // The amendment: both sessions pushed in, from its effective date.
                .body("studentIEPServicePrescriptions[2].studentIEPReference.studentIEPIdentifier", is(second))
                .body("studentIEPServicePrescriptions[2].beginDate", is("2026-11-02"))
                .body("studentIEPServicePrescriptions[2].endDate", is("2027-08-31"))
                .body("studentIEPServicePrescriptions[2].duration", is(60))
                .body("studentIEPServicePrescriptions[2].frequency", is(2))
                .body("studentIEPServicePrescriptions[2].serviceLocationTypeDescriptor",
                        is(ED_FI + "ServiceLocationTypeDescriptor#General Education Classroom"))
                .body("studentIEPGoals", hasSize(2))
                .body("studentIEPGoals[0].iepGoalTypeDescriptor", is(ED_FI + "IEPGoalTypeDescriptor#Functional Performance"))
                .body("studentSpecialEducationProgramAssociations", hasSize(1))
                .body("studentSpecialEducationProgramAssociations[0].beginDate", is("2026-09-01"))
                .body("studentSpecialEducationProgramAssociations[0].programReference.programTypeDescriptor",
                        is(ED_FI + "ProgramTypeDescriptor#Special Education"))
                .body("studentSpecialEducationProgramAssociations[0].iepBeginDate", is("2026-11-02"))
                .body("studentSpecialEducationProgramAssociations[0].iepEndDate", is("2027-08-31"))
                .body("studentSpecialEducationProgramAssociations[0].specialEducationProgramServices[0]"
                                + ".specialEducationProgramServiceDescriptor",
                        is(ED_FI + "SpecialEducationProgramServiceDescriptor#Speech-Language And Audiology Services"))
                .body("studentSpecialEducationProgramAssociations[0].specialEducationProgramServices[0].serviceBeginDate",
                        is("2026-11-02"))
                .body("studentSpecialEducationProgramAssociations[0].specialEducationProgramServices[0]"
                        + ".providers[0].staffReference.staffUniqueId", is(f.slp));
        org.junit.jupiter.api.Assertions.assertEquals(first,
                edfi.getString("studentIEPServicePrescriptions[1].studentIEPReference.studentIEPIdentifier"));
    }

    @Test
    void aStudentWithoutIepsHasAnEmptyViewAndAnUnknownOneIsNotFound() {
        IepFixtures f = new IepFixtures();
        given().get("/api/v1/students/" + f.student + "/edfi").then().statusCode(200)
                .body("studentIEPs", hasSize(0)).body("studentSpecialEducationProgramAssociations", hasSize(0));
        given().get("/api/v1/students/" + java.util.UUID.randomUUID() + "/edfi").then().statusCode(404);
    }
}
