package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
import org.iepservices.student.service.StudentAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.student.domain.RegulationSupport;
import org.iepservices.student.domain.StudentServiceProfile;
import org.iepservices.student.service.ServiceProfileService;
import org.iepservices.student.service.command.ServiceProfileRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/service-profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service profiles", description = "What scheduling and Medicaid billing need beyond the IEP")
public class ServiceProfileResource {

    public record ServiceProfileResponse(UUID studentId, RegulationSupport regulationSupport, boolean needsQuietSetting,
                                         String medicaidId, List<String> diagnosisCodes, boolean billingConsentOnFile,
                                         LocalDate billingConsentDate, OffsetDateTime updatedAt, long version) {
        static ServiceProfileResponse of(StudentServiceProfile p) {
            return new ServiceProfileResponse(p.studentId, p.regulationSupport, p.needsQuietSetting, p.medicaidId,
                    List.copyOf(p.diagnosisCodes), p.billingConsentOnFile, p.billingConsentDate, p.updatedAt, p.version);
        }
    }

    private final ServiceProfileService service;
    private final StudentAccess access;

    ServiceProfileResource(ServiceProfileService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(summary = "Read a student's service profile",
            description = "A student nobody has described yet has the empty profile (regulation NONE, no quiet "
                    + "setting, no Medicaid data, version 0). The ETag is the version for If-Match.")
    @APIResponse(responseCode = "404", description = "No such student")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    public Response get(@PathParam("studentId") UUID studentId) {
        access.requireStudent(studentId);
        StudentServiceProfile profile = service.get(studentId);
        access.read("service-profile", studentId, studentId);
        return Response.ok(ServiceProfileResponse.of(profile)).tag(Long.toString(profile.version)).build();
    }

    @PUT
    @Operation(summary = "Replace a student's service profile",
            description = "Diagnosis codes must be ICD-10-CM shaped (stored dotted, upper case, no duplicates, at most "
                    + "12); a consent on file needs its date. Publishes ServiceProfileUpdated to iep.events when "
                    + "something changed (an identical PUT changes nothing and publishes nothing). If-Match with the "
                    + "ETag guards against overwriting a concurrent change (412).")
    @APIResponse(responseCode = "200", description = "The profile as stored")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A field is invalid; every one is listed and nothing changed")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
    @Transactional
    public Response replace(@PathParam("studentId") UUID studentId, @Valid @NotNull ServiceProfileRequest request,
                            @Parameter(description = "The ETag of the profile") @HeaderParam("If-Match") String ifMatch) {
        access.requireStudent(studentId);
        StudentServiceProfile profile = service.replace(studentId, request, IfMatch.version(ifMatch));
        access.write("service-profile", studentId, studentId);
        return Response.ok(ServiceProfileResponse.of(profile)).tag(Long.toString(profile.version)).build();
    }
}
