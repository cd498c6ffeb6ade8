package org.iepservices.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.domain.medicaid.ClaimBatch;
import org.iepservices.session.domain.medicaid.ClaimBatchLine;
import org.iepservices.session.domain.medicaid.ExportedClaim;
import org.iepservices.session.service.ClaimBatchService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/medicaid/claim-batches")
@Tag(name = "Medicaid", description = "Service codes and claim-ready exports for school-based Medicaid billing")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
public class ClaimBatchResource {

    public record BatchRequest(@NotNull @Schema(example = "2026-09-01") LocalDate from,
                               @NotNull @Schema(example = "2026-09-30") LocalDate to) {
    }

    public record Batch(UUID id, UUID districtId, LocalDate from, LocalDate to, ClaimBatch.State state,
                        OffsetDateTime createdAt, String createdBy, int lineCount, Long originalLines, Long voidLines,
                        Long replacementLines, String fileName, String fileSha256, String file,
                        @Schema(description = "Absent in the list") List<ExportedClaim> lines) {
    }

    private final ClaimBatchService batches;
    private final AccessAudit audit;

    ClaimBatchResource(ClaimBatchService batches, AccessAudit audit) {
        this.batches = batches;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export a claim batch",
            description = "Every billable claim line of the district's students dated from..to that no batch has "
                    + "billed yet (ORIGINAL), and the corrections of lines already exported: a line whose session "
                    + "got an addendum after its export, changing what was billed, gets a VOID of the exported line "
                    + "and, if still billable, a REPLACEMENT (whatever the period). The batch is EXPORTED at once; "
                    + "its lines and file never change. District admins only.")
    @APIResponse(responseCode = "201", description = "The batch with its lines; Location names it")
    @APIResponse(responseCode = "400", description = "from/to missing or to before from")
    @APIResponse(responseCode = "422", description = "Nothing to export (nothing is created)")
    public Response create(@Valid @NotNull BatchRequest request, @Context UriInfo uri) {
        if (request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        ClaimBatch batch = batches.create(request.from(), request.to());
        List<ExportedClaim> lines = batches.lines(batch);
        audit.export("medicaid-claim-batch", students(lines));
        return Response.created(uri.getAbsolutePathBuilder().path(batch.id.toString()).build())
                .entity(view(batch, lines, true)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The district's claim batches, oldest first (without their lines)")
    public List<Batch> list() {
        return batches.list().stream().map(b -> view(b, List.of(), false)).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One claim batch with its lines")
    @APIResponse(responseCode = "404", description = "No such batch in the caller's district")
    public Batch get(@PathParam("id") UUID id) {
        ClaimBatch batch = batches.get(id);
        List<ExportedClaim> lines = batches.lines(batch);
        audit.read("medicaid-claim-batch", id, students(lines));
        return view(batch, lines, true);
    }

    @GET
    @Path("/{id}/file")
    @Produces(MedicaidResource.TEXT_CSV)
    @Operation(summary = "The batch's CSV file",
            description = "The same bytes at every download (ETag = SHA-256 of the file). Cells that a spreadsheet "
                    + "would run as a formula (starting with = + - @, tab or CR) carry a leading apostrophe.")
    @APIResponse(responseCode = "404", description = "No such batch in the caller's district")
    public Response file(@PathParam("id") UUID id) {
        ClaimBatch batch = batches.get(id);
        audit.export("medicaid-claim-batch", students(batches.lines(batch)));
        return Response.ok(batch.fileContent, MedicaidResource.TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + batch.fileName + "\"")
                .header("ETag", "\"" + batch.fileSha256 + "\"")
                .build();
    }

    private static List<UUID> students(List<ExportedClaim> lines) {
        return lines.stream().map(l -> l.claim().studentId()).distinct().toList();
    }

    private static Batch view(ClaimBatch b, List<ExportedClaim> lines, boolean withLines) {
        return new Batch(b.id, b.districtId, b.periodFrom, b.periodTo, b.state, b.createdAt, b.createdBy, b.lineCount,
                withLines ? count(lines, ClaimBatchLine.Kind.ORIGINAL) : null,
                withLines ? count(lines, ClaimBatchLine.Kind.VOID) : null,
                withLines ? count(lines, ClaimBatchLine.Kind.REPLACEMENT) : null, b.fileName, b.fileSha256,
                "/api/v1/medicaid/claim-batches/" + b.id + "/file", withLines ? lines : null);
    }

    private static long count(List<ExportedClaim> lines, ClaimBatchLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).count();
    }
}
