package org.iepservices.session.service;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iepservices.session.domain.medicaid.BilledClaim;
import org.iepservices.session.domain.medicaid.ExportedClaim;
import org.iepservices.rest.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CSV file of a claim batch, written once when the batch is exported and stored as bytes. */
public final class ClaimBatchFile {

    public static final String[] HEADER = {"claim_line_id", "line_type", "replaces_claim_line_id", "session_log_id",
            "service_date", "start_time", "end_time", "student_id", "student_last_name", "student_first_name",
            "medicaid_id", "diagnosis_code", "provider_id", "provider_name", "rendering_discipline", "rendering_npi",
            "supervising_provider_id", "supervising_provider_name", "supervising_npi", "service_code", "modifier",
            "unit_rule", "billing_format", "regrouped_as_individual", "students_present", "minutes", "units",
            "place_of_service", "signed_by", "signer_credentials", "signed_at"};

    private ClaimBatchFile() {
    }

    public static byte[] csv(List<ExportedClaim> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (ExportedClaim line : lines) {
                BilledClaim c = line.claim();
                printer.printRecord(CsvCells.forPrinter(line.claimLineId(), line.kind(), line.replacesClaimLineId(),
                        c.sessionLogId(), c.serviceDate(), c.startTime(), c.endTime(), c.studentId(),
                        c.studentFamilyName(), c.studentGivenName(), c.medicaidId(), c.diagnosisCode(),
                        c.providerId(), c.providerName(), c.renderingDiscipline(), c.npi(),
                        c.supervisingProviderId(), c.supervisingProviderName(), c.supervisingNpi(), c.serviceCode(),
                        c.modifier(), c.unitRule(), c.billingFormat(), c.regroupedAsIndividual(),
                        c.studentsPresent(), c.minutes(), c.units(), c.placeOfService(), c.signedBy(),
                        c.signerCredentials(), c.signedAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
