package org.iepservices.session.api;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.domain.SessionFormat;
import org.iepservices.session.domain.medicaid.BillingFormat;
import org.iepservices.session.domain.medicaid.ClaimLine;
import org.iepservices.session.domain.medicaid.DisciplineModifier;
import org.iepservices.session.domain.medicaid.NotBillableReason;
import org.iepservices.session.domain.medicaid.ServiceCode;
import org.iepservices.session.domain.medicaid.UnitRule;
import org.iepservices.session.service.CallerAccess;
import org.iepservices.session.service.ClaimService;
import org.iepservices.session.service.ServiceCodeService;
import org.iepservices.rest.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/medicaid")
@Tag(name = "Medicaid", description = "Service codes and claim-ready exports for school-based Medicaid billing")
public class MedicaidResource {

    public static final String TEXT_CSV = "text/csv";

    @Schema(description = "A row of the caller's district's table. unitRule, modifier, pairedCode and billableBy are "
            + "optional here (the original shape of this endpoint): a missing unitRule keeps the rule the code has in "
            + "the table now (else TIMED_15), a missing modifier is the therapy's usual one (GN, GO, GP), a missing "
            + "pair is the therapy's code of the other format, a missing billableBy is the therapy itself.")
    public record ServiceCodeEntry(
            @Schema(readOnly = true) UUID id,
            @NotBlank @Size(max = 40) @Schema(example = "SLP") String discipline,
            @NotNull BillingFormat billingFormat,
            @NotBlank @Size(max = 10) @Schema(example = "92507") String code,
            @Size(max = 300) String description,
            UnitRule unitRule,
            DisciplineModifier modifier,
            @Size(max = 10) String pairedCode,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> billableBy) {
    }

    public record ServiceCodeTableRequest(@NotNull List<@Valid @NotNull ServiceCodeEntry> codes) {
    }

    public record ServiceCodeTableResponse(List<ServiceCodeEntry> codes) {
        static ServiceCodeTableResponse of(List<ServiceCode> codes) {
            return new ServiceCodeTableResponse(codes.stream()
                    .map(c -> new ServiceCodeEntry(c.id(), c.discipline(), c.billingFormat(), c.code(), c.description(),
                            c.unitRule(), c.modifier(), c.pairedCode(), c.billableBy()))
                    .toList());
        }
    }

    public record Claims(LocalDate from, LocalDate to, UUID providerId, int billableLines, int notBillableLines,
                         int billableUnits, List<Claim> lines) {
    }

    @Schema(description = "One student in one session. billable=false lists every reason in notBillable.")
    public record Claim(UUID sessionLogId, LocalDate sessionDate, LocalTime startTime, LocalTime endTime,
                        UUID studentId, String studentGivenName, String studentFamilyName, String medicaidId,
                        String diagnosisCode, List<String> diagnosisCodes, UUID providerId, String providerName,
                        String discipline, String serviceType,
                        @Schema(description = "The format documented") SessionFormat sessionFormat,
                        @Schema(description = "The format billed: GROUP needs 2 or more students present")
                        BillingFormat billingFormat,
                        @Schema(description = "A group session with fewer than 2 present, billed as individual")
                        boolean regroupedAsIndividual,
                        long studentsPresent, String serviceCode,
                        @Schema(description = "GN speech, GO occupational, GP physical therapy")
                        DisciplineModifier modifier,
                        @Schema(description = "How the code counts units: UNTIMED (one per session) or TIMED_15")
                        UnitRule unitRule, int minutes, int units, String placeOfService,
                        @Schema(description = "The discipline the provider bills as (SLPA for an assistant)")
                        String renderingDiscipline, String npi,
                        @Schema(description = "An assistant's supervising clinician") UUID supervisingProviderId,
                        String supervisingProviderName, String supervisingNpi,
                        boolean consentOnFile, String signedBy, String signerCredentials, OffsetDateTime signedAt,
                        boolean billable, List<Reason> notBillable) {
    }

    public record Reason(NotBillableReason code, String message) {
    }

    private final ClaimService claims;
    private final ServiceCodeService codes;
    private final CallerAccess access;
    private final AccessAudit audit;

    MedicaidResource(ClaimService claims, ServiceCodeService codes, CallerAccess access, AccessAudit audit) {
        this.claims = claims;
        this.codes = codes;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/service-codes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The service-code table",
            description = "The code billed per discipline and format (INDIVIDUAL, GROUP) in the caller's district "
                    + "(a token naming no district: the default table). Defaults: SLP 92507/92508 (untimed), "
                    + "OT 97530 (timed)/97150 (untimed), PT 97110 (timed)/97150 (untimed). The full table of a "
                    + "district: /api/v1/districts/{districtId}/medicaid/service-codes.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    public ServiceCodeTableResponse codes() {
        return ServiceCodeTableResponse.of(codes.table(access.actor().districtId()));
    }

    @PUT
    @Path("/service-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the service-code table",
            description = "The whole table of the caller's district at once. A discipline and format without a code is not billable "
                    + "(NO_SERVICE_CODE). Claims are computed when exported, so the new codes apply to every export "
                    + "from now on. District admins only.")
    @RolesAllowed(Role.DISTRICT_ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The table now in force")
    @APIResponse(responseCode = "422", description = "A code is malformed or a discipline/format listed twice")
    public ServiceCodeTableResponse replaceCodes(@Valid @NotNull ServiceCodeTableRequest request) {
        UUID district = access.actor().districtId();
        List<ServiceCode> now = codes.table(district);
        return ServiceCodeTableResponse.of(codes.replace(district, request.codes().stream()
                .map(c -> entry(c, now)).toList()));
    }

    /** An entry of the original shape, completed from the table in force and the therapy's usual values. */
    private static ServiceCode entry(ServiceCodeEntry c, List<ServiceCode> now) {
        String therapy = c.discipline().trim().toUpperCase(Locale.ROOT);
        String code = c.code().trim().toUpperCase(Locale.ROOT);
        UnitRule rule = c.unitRule() != null ? c.unitRule() : now.stream().filter(n -> n.code().equals(code))
                .map(ServiceCode::unitRule).findFirst().orElse(UnitRule.TIMED_15);
        List<String> billableBy = c.billableBy() == null || c.billableBy().isEmpty() ? List.of(therapy)
                : c.billableBy().stream().map(d -> d.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        return new ServiceCode(null, therapy, c.billingFormat(), code, c.description(), rule,
                c.modifier() != null ? c.modifier() : DisciplineModifier.usualFor(therapy).orElse(null),
                c.pairedCode() == null || c.pairedCode().isBlank() ? null
                        : c.pairedCode().trim().toUpperCase(Locale.ROOT), billableBy);
    }

    @GET
    @Path("/claims")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "Claim-ready export",
            description = "Every student credited with minutes in a session in the date range (optionally of one "
                    + "provider): service code of the student's district by therapy and format (a group session "
                    + "that ended with fewer than 2 students present is billed with the group code's individual "
                    + "pair), units by the code's rule (UNTIMED: 1 per session; TIMED_15: 8-22 min = 1 unit, "
                    + "23-37 = 2, ...), modifier, NPI (and an assistant's supervising clinician and NPI), "
                    + "place of service 03 (school), primary diagnosis, "
                    + "Medicaid id, provider, credentials and signature, consent. Lines that cannot be billed say "
                    + "why: UNSIGNED, NO_CONSENT, MISSING_MEDICAID_ID, MISSING_DIAGNOSIS, UNDER_8_MINUTES, "
                    + "NO_SERVICE_CODE, DISCIPLINE_NOT_ALLOWED, MISSING_NPI, MISSING_SUPERVISOR. This is a preview: "
                    + "the claims billed are the batches of /api/v1/medicaid/claim-batches. JSON by default, CSV with Accept: text/csv (or format=csv). A provider exports "
                    + "their own sessions (providerId defaults to them; another provider's is a 403); a district admin "
                    + "the district's students. Every export is in the access audit with every student it contained.")
    @APIResponse(responseCode = "200", description = "The claim lines")
    @APIResponse(responseCode = "400", description = "from/to missing or to before from")
    @APIResponse(responseCode = "403", description = "A provider asking for another provider's claims")
    @RolesAllowed({Role.PROVIDER_NAME, Role.DISTRICT_ADMIN_NAME})
    public Response claims(@Parameter(required = true) @QueryParam("from") @NotNull LocalDate from,
                           @Parameter(required = true) @QueryParam("to") @NotNull LocalDate to,
                           @QueryParam("providerId") UUID providerId,
                           @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
                           HttpHeaders headers) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        boolean csv;
        if (format != null) {
            if (!format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
                throw ProblemException.invalid("format", "csv or json");
            }
            csv = format.equalsIgnoreCase("csv");
        } else {
            csv = wantsCsv(headers.getAcceptableMediaTypes());
        }
        if (access.providerView()) {
            UUID self = access.providerId().orElseThrow(() -> new ForbiddenException("The token names no staff id"));
            if (providerId != null && !providerId.equals(self)) {
                throw new ForbiddenException("A provider exports their own claims only");
            }
            providerId = self;
        }
        List<Claim> lines = claims.claims(from, to, providerId).stream().map(MedicaidResource::claim).toList();
        audit.export("medicaid-claims", lines.stream().map(Claim::studentId).distinct().toList());
        if (csv) {
            return Response.ok(csv(lines), TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"medicaid-claims-" + from + "-" + to + ".csv\"")
                    .build();
        }
        int billable = (int) lines.stream().filter(Claim::billable).count();
        return Response.ok(new Claims(from, to, providerId, billable, lines.size() - billable,
                lines.stream().filter(Claim::billable).mapToInt(Claim::units).sum(), lines),
                MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when the client prefers it over JSON (a browser accepting anything gets JSON). */
    private static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV)) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Claim claim(ClaimLine l) {
        var f = l.facts();
        return new Claim(f.sessionLogId(), f.sessionDate(), f.startTime(), f.endTime(), f.studentId(),
                f.studentGivenName(), f.studentFamilyName(), f.medicaidId(), l.diagnosisCode(), f.diagnosisCodes(),
                f.providerId(), f.providerName(), f.discipline(), f.serviceType(), f.format(), l.billingFormat(),
                l.regrouped(), f.studentsPresent(), l.serviceCode(), l.modifier(), l.unitRule(), f.minutes(), l.units(),
                l.placeOfService(), f.rendering().discipline(), f.rendering().npi(),
                f.rendering().assistant() ? f.rendering().supervisorId() : null,
                f.rendering().assistant() ? f.rendering().supervisorName() : null,
                f.rendering().assistant() ? f.rendering().supervisorNpi() : null,
                f.consentOnFile(), f.signedBy(), f.signerCredentials(), f.signedAt(), l.billable(),
                l.notBillable().stream().map(r -> new Reason(r.reason(), r.message())).toList());
    }

    static final String[] CSV_HEADER = {"session_log_id", "service_date", "start_time", "end_time", "student_id",
            "student_last_name", "student_first_name", "medicaid_id", "diagnosis_code", "provider_id",
            "provider_name", "discipline", "service_code", "session_format", "billing_format",
            "regrouped_as_individual", "students_present", "minutes", "units", "place_of_service",
            "consent_on_file", "signed_by", "signer_credentials", "signed_at", "billable", "not_billable_reasons",
            "modifier", "unit_rule", "rendering_discipline", "rendering_npi", "supervising_provider_id",
            "supervising_provider_name", "supervising_npi"};

    private static String csv(List<Claim> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (Claim c : lines) {
                printer.printRecord(CsvCells.forPrinter(c.sessionLogId(), c.sessionDate(), c.startTime(), c.endTime(), c.studentId(),
                        c.studentFamilyName(), c.studentGivenName(), c.medicaidId(), c.diagnosisCode(),
                        c.providerId(), c.providerName(), c.discipline(), c.serviceCode(), c.sessionFormat(),
                        c.billingFormat(), c.regroupedAsIndividual(), c.studentsPresent(), c.minutes(), c.units(),
                        c.placeOfService(), c.consentOnFile(), c.signedBy(), c.signerCredentials(), c.signedAt(),
                        c.billable(), c.notBillable().stream().map(r -> r.code().name())
                                .collect(Collectors.joining(";")), c.modifier(), c.unitRule(), c.renderingDiscipline(),
                        c.npi(), c.supervisingProviderId(), c.supervisingProviderName(), c.supervisingNpi()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
