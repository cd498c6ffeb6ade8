package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import org.iepservices.rest.Paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.domain.roster.ImportReport;
import org.iepservices.student.service.roster.RosterImportJob;
import org.iepservices.student.service.roster.RosterImportJobs;
import org.iepservices.student.service.roster.RosterImportService;
import org.iepservices.student.service.roster.RosterZipLimits;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.File;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/roster/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster imports", description = "OneRoster 1.1 / 1.2 CSV zips from the SIS")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SIS_INTEGRATION_NAME})
public class RosterImportResource {

    private static final String DESCRIPTION = "Imports a OneRoster CSV zip (1.1 or 1.2; version from manifest.csv, "
            + "else detected from the headers). Each file is bulk (records missing from it are deactivated, never "
            + "deleted), delta (each row says active or tobedeleted) or absent, as the manifest says. Structural "
            + "problems (not a zip, no manifest, unsupported version, a missing file or required column) reject the "
            + "whole import with 422 and write nothing. A bad row (e.g. a date like 15/06/2023, an enrollment in an "
            + "unknown class) is reported with file, line and column and skipped; the rest of the file applies in one "
            + "transaction per file. Importing the same zip again changes nothing (counts say unchanged). With "
            + "dryRun=true everything is validated and counted, then rolled back. Students and schools follow "
            + "the roster; student changes publish StudentUpserted. Every import belongs to a source (feed): a bulk "
            + "file deactivates only unseen records of its source within the orgs it lists or references. A bulk "
            + "users file that would deactivate more than the configured share of its scope's active students or "
            + "staff is HELD (202, outcome HELD, nothing written) until sent again with confirmMassDeactivation=true. "
            + "With the header Prefer: respond-async the zip is stored and the import runs on a worker: 202 with "
            + "Location /api/v1/roster/imports/{id}, Preference-Applied: respond-async and the job (state, rows read "
            + "per file); problems decidable before reading rows (not a zip, structure, districtId against the "
            + "token) are still answered at once. Poll GET /api/v1/roster/imports/{id}/job until SUCCEEDED (the same "
            + "report as the synchronous form) or FAILED (the problem it would have answered).";

    private static final String PREFER = "respond-async: store the zip, answer 202 with the job at once and import "
            + "on a worker (any replica); without it the import runs within the request";

    private static final String SOURCE = "the feed the import belongs to (default: the caller's token subject); "
            + "a bulk file replaces only this feed's records";

    private static final String DISTRICT = "the district the import belongs to (sourcedIds are unique per "
            + "district), for a caller whose token names no district (district_id); default: the district org in "
            + "orgs.csv, else the district of the schools it lists, else the district its orgs are stored in. 422 "
            + "(nothing written) when these disagree or are ambiguous";

    private static final String CONFIRM = "apply a bulk file even when it deactivates more than the configured share "
            + "of the students or staff in its scope (otherwise such an import is HELD)";

    private final RosterImportService imports;
    private final RosterImportJobs jobs;
    private final RosterSource sources;

    RosterImportResource(RosterImportService imports, RosterImportJobs jobs, RosterSource sources) {
        this.imports = imports;
        this.jobs = jobs;
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a OneRoster zip (multipart field 'file')", description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Imported (or validated, dryRun=true): the import report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: the job, stored and queued (a RosterImportJob; "
            + "poll Location). Without the header: a HELD import's report (an ImportReport, outcome HELD)",
            headers = {@Header(name = "Location", description = "the import: /api/v1/roster/imports/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Preference-Applied", description = "respond-async when the import runs async",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {RosterImportJob.class,
                    ImportReport.class})))
    @APIResponse(responseCode = "422", description = "The roster was rejected as a whole; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importMultipart(@RestForm("file") FileUpload file,
                                    @Parameter(description = "validate and count without writing")
                                    @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                    @Parameter(description = SOURCE) @QueryParam("source") String source,
                                    @Parameter(description = CONFIRM) @QueryParam("confirmMassDeactivation")
                                    @DefaultValue("false") boolean confirm,
                                    @Parameter(description = DISTRICT) @QueryParam("districtId") UUID districtId,
                                    @Parameter(description = PREFER, in = ParameterIn.HEADER)
                                    @HeaderParam("Prefer") String prefer, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a multipart field 'file' with the OneRoster zip is required");
        }
        RosterImportService.Options options = options(dryRun, source, confirm, districtId);
        if (respondAsync(prefer)) {
            return accepted(jobs.enqueue(file.uploadedFile(), options), uri);
        }
        return created(imports.importZip(file.uploadedFile(), options), uri);
    }

    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a OneRoster zip sent as the request body", description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Imported (or validated, dryRun=true): the import report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: the job, stored and queued (a RosterImportJob; "
            + "poll Location). Without the header: a HELD import's report (an ImportReport, outcome HELD)",
            headers = {@Header(name = "Location", description = "the import: /api/v1/roster/imports/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Preference-Applied", description = "respond-async when the import runs async",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {RosterImportJob.class,
                    ImportReport.class})))
    @APIResponse(responseCode = "422", description = "The roster was rejected as a whole; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importBody(File zip, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @Parameter(description = SOURCE) @QueryParam("source") String source,
                               @Parameter(description = CONFIRM) @QueryParam("confirmMassDeactivation")
                               @DefaultValue("false") boolean confirm,
                               @Parameter(description = DISTRICT) @QueryParam("districtId") UUID districtId,
                               @Parameter(description = PREFER, in = ParameterIn.HEADER)
                               @HeaderParam("Prefer") String prefer, UriInfo uri) {
        if (zip == null || zip.length() == 0) {
            throw ProblemException.invalid("body", "the request body must be the OneRoster zip");
        }
        RosterImportService.Options options = options(dryRun, source, confirm, districtId);
        if (respondAsync(prefer)) {
            return accepted(jobs.enqueue(zip.toPath(), options), uri);
        }
        return created(imports.importZip(zip.toPath(), options), uri);
    }

    @GET
    @Operation(summary = "Past imports, newest first", description = "Counts per file and issue totals; "
            + "GET one import for its row-level errors and warnings.")
    public Response list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Paging.MAX_LIMIT) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset, UriInfo uri) {
        return Paging.page(imports.list(limit, offset), imports.count(), limit, offset, uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import's report, with every row-level error and warning", description = "For an "
            + "async import (Prefer: respond-async) not yet SUCCEEDED, its job (as GET .../{id}/job answers).")
    public Object get(@PathParam("id") UUID id) {
        return imports.find(id).<Object>map(report -> report).or(() -> jobs.find(id))
                .orElseThrow(() -> ProblemException.notFound("Roster import", id));
    }

    @GET
    @Path("{id}/job")
    @Operation(summary = "An async import's job: state, rows read per file so far, and how it ended",
            description = "Any replica answers (the job lives in the database). SUCCEEDED carries the import report "
                    + "(the same as the synchronous form's), FAILED the problem the synchronous form would have "
                    + "answered; 404 for an import that was not sent with Prefer: respond-async.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterImportJob.class)))
    public RosterImportJob job(@PathParam("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound("Roster import job", id));
    }

    /** A zip that inflates beyond the configured size: 413, like a body too large. */
    @ServerExceptionMapper
    public Response tooLarge(RosterZipLimits.TooLarge e) {
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(new Problem(ProblemType.HTTP.uri(),
                "Request Entity Too Large", 413, e.getMessage(), URI.create(BodyLimits.IMPORTS), List.of())).build();
    }

    private RosterImportService.Options options(boolean dryRun, String source, boolean confirm, UUID districtId) {
        return new RosterImportService.Options(dryRun, sources.of(source), confirm, sources.claimedDistrict(),
                districtId);
    }

    /** RFC 7240: the client asked for an asynchronous response ({@code Prefer: respond-async}, among others). */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";")[0].trim();
            if (token.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /** 202 with the queued job; Location is the import, which answers with the job until it has its report. */
    private static Response accepted(RosterImportJob job, UriInfo uri) {
        URI location = uri.getAbsolutePathBuilder().path(job.id().toString()).build();
        return Response.accepted(job).location(location).header("Preference-Applied", "respond-async").build();
    }

    /** 201 with the report; a held import changed nothing, so 202 (accepted for confirmation). */
    private static Response created(ImportReport report, UriInfo uri) {
        URI location = uri.getAbsolutePathBuilder().path(report.id.toString()).build();
        if (report.outcome == ImportReport.Outcome.HELD) {
            return Response.accepted(report).location(location).build();
        }
        return Response.created(location).entity(report).build();
    }
}
