package org.iepservices.reporting.progress.api;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.reporting.access.VisibleStudents;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.api.ContentChoice;
import org.iepservices.reporting.api.QueryParams;
import org.iepservices.reporting.progress.domain.FamilyWords;
import org.iepservices.reporting.progress.domain.ParentSummary;
import org.iepservices.reporting.progress.service.ParentSummaryService;
import org.iepservices.reporting.service.KnownSubjects;

import java.util.UUID;

@Path("/api/v1/students/{studentId}/progress-summary")
@Tag(name = "Family progress summary", description = "Plain-language progress summaries for families, built only from recorded data")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
public class ProgressSummaryResource {

    /** Qute templates: HTML templates escape every value inserted into them. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(ParentSummary summary, String from, String to, Labels labels);
    }

    /** The fixed words of the HTML page, in the summary's language. */
    public record Labels(String lang, String title, String sessions, String goals, String noGoals, String notes,
                         String footer, String questions) {

        static Labels of(FamilyWords words, ParentSummary summary) {
            return new Labels(words.languageTag(), summary.studentName() == null ? words.text("html.title")
                    : words.text("html.titleFor", summary.studentName()), words.text("html.sessions"),
                    words.text("html.goals"), words.text("html.noGoals"), words.text("html.notes"),
                    words.text("html.footer"), words.text("html.questions"));
        }
    }

    private final ParentSummaryService service;
    private final KnownSubjects known;
    private final VisibleStudents visible;
    private final AccessAudit audit;

    ProgressSummaryResource(ParentSummaryService service, KnownSubjects known, VisibleStudents visible,
                            AccessAudit audit) {
        this.visible = visible;
        this.audit = audit;
        this.service = service;
        this.known = known;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "A family progress summary for a reporting period, as JSON or a printable HTML page",
            description = "Sentences built only from the structured data of [from, to]: sessions attended and minutes "
                    + "by setting, missed sessions and why, per goal what was worked on, the scores, the trend in words "
                    + "and the status against the target, and the provider's progress notes quoted as written. Every "
                    + "sentence lists its basis (the session, miss, goal or data point ids it states). Missing data is "
                    + "said to be missing; a goal without data in the period gets only that sentence. For a goal to "
                    + "reduce something (direction DECREASE) falling numbers are called progress and the target reads "
                    + "'or less'. JSON by default; Accept: text/html gives the same sentences as an HTML page (escaped) "
                    + "with a print style sheet. Languages: English (en) and Spanish (es), chosen by `lang` (e.g. a "
                    + "guardian's home language) if it names one, else by Accept-Language, else English; the response's "
                    + "Content-Language (and `lang` in JSON) says which.")
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParentSummary.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "from/to missing, not dates, inverted or more than 400 days apart")
    @APIResponse(responseCode = "404", description = "No event about this student has reached reporting")
    public Response summary(@PathParam("studentId") UUID studentId,
                            @Parameter(description = "First day of the period (YYYY-MM-DD)", required = true)
                            @QueryParam("from") String from,
                            @Parameter(description = "Last day of the period (YYYY-MM-DD)", required = true)
                            @QueryParam("to") String to,
                            @Parameter(description = "Language of the summary (BCP 47, e.g. es); takes precedence over "
                                    + "Accept-Language; an unsupported language falls back as if not given")
                            @QueryParam("lang") String lang,
                            @Context HttpHeaders headers) {
        FamilyWords words = FamilyWords.choose(lang, headers.getAcceptableLanguages());
        ParentSummary summary = load(studentId, from, to, words);
        audit.read("progress-summary", studentId, studentId);
        if (ContentChoice.prefers(headers, MediaType.TEXT_HTML_TYPE)) {
            String page = Templates.summary(summary, words.date(summary.from()), words.date(summary.to()),
                    Labels.of(words, summary)).render();
            return language(Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")), words);
        }
        return language(Response.ok(summary, MediaType.APPLICATION_JSON_TYPE), words);
    }

    /** The language the summary is in; caches keep one answer per Accept-Language. */
    private static Response language(Response.ResponseBuilder response, FamilyWords words) {
        return response.language(words.locale()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private ParentSummary load(UUID studentId, String fromParam, String toParam, FamilyWords words) {
        QueryParams.DateRange range = QueryParams.requiredRange(fromParam, toParam);
        if (!known.student(studentId) || !visible.sees(studentId)) {
            throw ProblemException.notFound("Student", studentId);
        }
        return service.summary(studentId, range.from(), range.to(), words);
    }
}
