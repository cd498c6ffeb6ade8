package org.iepservices.student.api;

import jakarta.persistence.EntityManager;
import org.iepservices.student.service.StudentAccess;
import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import org.iepservices.access.StudentScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.domain.roster.OneRosterFilter;
import org.iepservices.student.repository.OneRosterCollection;
import org.iepservices.student.repository.OneRosterReadRepository;
import org.iepservices.student.repository.OneRosterReadRepository.Scope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OneRoster 1.2 rostering REST binding (read side) over everything this service holds:
 * roster imports, pushed records and records created through our own API. Filter, sort and
 * paging run in PostgreSQL.
 */
@Path(OneRosterResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OneRoster 1.2 rostering", description = "Read API in the OneRoster 1.2 REST shape for vendors that "
        + "pull rosters: envelopes {\"users\": [...]} / {\"user\": {...}}, limit/offset/sort/orderBy/filter/fields, "
        + "X-Total-Count and Link headers")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
public class OneRosterResource {

    public static final String BASE = "/ims/oneroster/rostering/v1p2";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final String LIST_DESCRIPTION = "filter: one predicate or two joined by AND / OR, e.g. "
            + "familyName='Smith' or status='active' AND dateLastModified>'2026-09-01'; operators = != > >= < <= ~ "
            + "(contains, any case). sort: a field (orderBy asc or desc; sourcedId breaks ties). fields: the "
            + "top-level fields to return, comma-separated. An unknown field, a bad operator or value is a 400 "
            + "problem. X-Total-Count gives the number of matches; Link gives first, prev, next and last pages.";

    /** The query parameters every collection endpoint takes. */
    public static class ListParams {
        @QueryParam("limit")
        @DefaultValue("100")
        @Min(1)
        @Parameter(description = "page size (default 100); above the server's maximum of 1000 the page is 1000 "
                + "long (the Link header says so)")
        public int limit;

        @QueryParam("offset")
        @DefaultValue("0")
        @Min(0)
        public int offset;

        @QueryParam("sort")
        @Parameter(description = "field to sort by, e.g. familyName")
        public String sort;

        @QueryParam("orderBy")
        @DefaultValue("asc")
        @Pattern(regexp = "asc|desc", message = "must be asc or desc")
        public String orderBy;

        @QueryParam("filter")
        @Parameter(description = "e.g. familyName='Smith' AND status='active'")
        public String filter;

        @QueryParam("fields")
        @Parameter(description = "e.g. sourcedId,givenName,familyName")
        public String fields;
    }

    private final OneRosterReadRepository repository;
    private final ObjectMapper mapper;

    private final StudentAccess access;
    private final EntityManager em;

    OneRosterResource(OneRosterReadRepository repository, ObjectMapper mapper, StudentAccess access,
                      EntityManager em) {
        this.repository = repository;
        this.mapper = mapper;
        this.access = access;
        this.em = em;
    }

    /**
     * The district whose records the caller reads: a district admin's own (another district's
     * records are not found, as if absent); null when the token names no district (a single-district
     * deployment), which reads everything.
     */
    private java.util.UUID district() {
        return access.actor().studentScope() instanceof StudentScope.District d ? d.districtId() : null;
    }

    /**
     * Users and enrollments name students: the response is an export in the access trail, with every
     * student it contained (found again from their OneRoster sourcedIds).
     */
    private void audit(OneRosterCollection collection, List<Map<String, Object>> rows) {
        if (collection != OneRosterCollection.USERS && collection != OneRosterCollection.ENROLLMENTS) {
            return;
        }
        Set<java.util.UUID> students = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.get("_student") != null) {
                students.add(java.util.UUID.fromString(r.get("_student").toString()));
            }
        });
        if (!students.isEmpty()) {
            access.export("oneroster." + collection.path(), List.copyOf(students));
        }
    }

    @GET
    @Path("orgs")
    @Operation(summary = "All orgs (districts, schools and other org types)", description = LIST_DESCRIPTION)
    public Response orgs(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.ORGS, null, params, uri);
    }

    @GET
    @Path("orgs/{sourcedId}")
    @Operation(summary = "One org")
    public Response org(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.ORGS, null, id, fields, uri);
    }

    @GET
    @Path("schools")
    @Operation(summary = "All schools (orgs of type school)", description = LIST_DESCRIPTION)
    public Response schools(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.ORGS, new Scope("type", "school"), params, uri);
    }

    @GET
    @Path("schools/{sourcedId}")
    @Operation(summary = "One school")
    public Response school(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.ORGS, new Scope("type", "school"), id, fields, uri);
    }

    @GET
    @Path("academicSessions")
    @Operation(summary = "All academic sessions (school years, terms, grading periods)", description = LIST_DESCRIPTION)
    public Response academicSessions(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.ACADEMIC_SESSIONS, null, params, uri);
    }

    @GET
    @Path("academicSessions/{sourcedId}")
    @Operation(summary = "One academic session")
    public Response academicSession(@PathParam("sourcedId") String id, @QueryParam("fields") String fields,
                                    UriInfo uri) {
        return one(OneRosterCollection.ACADEMIC_SESSIONS, null, id, fields, uri);
    }

    @GET
    @Path("courses")
    @Operation(summary = "All courses", description = LIST_DESCRIPTION)
    public Response courses(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.COURSES, null, params, uri);
    }

    @GET
    @Path("courses/{sourcedId}")
    @Operation(summary = "One course")
    public Response course(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.COURSES, null, id, fields, uri);
    }

    @GET
    @Path("classes")
    @Operation(summary = "All classes", description = LIST_DESCRIPTION)
    public Response classes(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.CLASSES, null, params, uri);
    }

    @GET
    @Path("classes/{sourcedId}")
    @Operation(summary = "One class")
    public Response oneClass(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.CLASSES, null, id, fields, uri);
    }

    @GET
    @Path("users")
    @Operation(summary = "All users (students and staff)", description = LIST_DESCRIPTION
            + " Users are the students and staff (teachers, aides, administrators, counselors, providers) this "
            + "service holds; filter on role for the primary role.")
    public Response users(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.USERS, null, params, uri);
    }

    @GET
    @Path("users/{sourcedId}")
    @Operation(summary = "One user")
    public Response user(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.USERS, null, id, fields, uri);
    }

    @GET
    @Path("students")
    @Operation(summary = "All students", description = LIST_DESCRIPTION)
    public Response students(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.USERS, new Scope("role", "student"), params, uri);
    }

    @GET
    @Path("students/{sourcedId}")
    @Operation(summary = "One student")
    public Response student(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.USERS, new Scope("role", "student"), id, fields, uri);
    }

    @GET
    @Path("teachers")
    @Operation(summary = "All teachers", description = LIST_DESCRIPTION)
    public Response teachers(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.USERS, new Scope("role", "teacher"), params, uri);
    }

    @GET
    @Path("teachers/{sourcedId}")
    @Operation(summary = "One teacher")
    public Response teacher(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.USERS, new Scope("role", "teacher"), id, fields, uri);
    }

    @GET
    @Path("enrollments")
    @Operation(summary = "All enrollments", description = LIST_DESCRIPTION)
    public Response enrollments(@Valid @BeanParam ListParams params, UriInfo uri) {
        return list(OneRosterCollection.ENROLLMENTS, null, params, uri);
    }

    @GET
    @Path("enrollments/{sourcedId}")
    @Operation(summary = "One enrollment")
    public Response enrollment(@PathParam("sourcedId") String id, @QueryParam("fields") String fields, UriInfo uri) {
        return one(OneRosterCollection.ENROLLMENTS, null, id, fields, uri);
    }

    private Response list(OneRosterCollection collection, Scope scope, ListParams params, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> fields = fields(collection, params.fields, violations);
        Optional<OneRosterFilter> filter = Optional.empty();
        try {
            filter = OneRosterFilter.parse(params.filter);
        } catch (OneRosterFilter.InvalidFilter e) {
            violations.add(new Problem.Violation("filter", e.getMessage()));
        }
        String sortName = params.sort == null || params.sort.isBlank() ? "sourcedId" : params.sort.trim();
        Optional<OneRosterCollection.Field> sort = collection.field(sortName);
        if (sort.isEmpty()) {
            violations.add(new Problem.Violation("sort", "'" + sortName + "' is not a field of " + collection.path()
                    + " that can be sorted on; use one of "
                    + String.join(", ", collection.fieldNames().stream().sorted().toList())));
        }
        OneRosterReadRepository.Page page = null;
        if (violations.isEmpty()) {
            try {
                page = repository.list(collection, scope, district(), filter, sort.get(), "desc".equals(params.orderBy),
                        limit(params), params.offset);
            } catch (OneRosterFilter.InvalidFilter e) {
                violations.add(new Problem.Violation("filter", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.size() == 1
                    ? violations.get(0).field() + ": " + violations.get(0).message()
                    : violations.size() + " query parameters are invalid", violations);
        }
        OneRosterJsonMapper json = new OneRosterJsonMapper(mapper, uri.getBaseUriBuilder().path(BASE).build().toString());
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray(collection.path());
        for (Map<String, Object> row : page.rows()) {
            items.add(json.write(collection, row, fields));
        }
        audit(collection, page.rows());
        return Response.ok(body)
                .header("X-Total-Count", page.total())
                .header("Link", links(uri, page.total(), limit(params), params.offset))
                .build();
    }

    /** A limit above the maximum is clamped, as the OneRoster binding lets a server do, rather than refused. */
    private static int limit(ListParams params) {
        return Math.min(params.limit, MAX_LIMIT);
    }

    private Response one(OneRosterCollection collection, Scope scope, String sourcedId, String fieldList, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> fields = fields(collection, fieldList, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.get(0).field() + ": "
                    + violations.get(0).message(), violations);
        }
        Map<String, Object> row;
        try {
            row = repository.one(collection, scope, district(), sourcedId).orElse(null);
        } catch (OneRosterReadRepository.Ambiguous e) {
            throw ProblemException.conflict(e.getMessage());
        }
        Optional.ofNullable(row).orElseThrow(() ->
                ProblemException.notFound("OneRoster " + (scope == null ? collection.singular() : scope.value()),
                        sourcedId));
        OneRosterJsonMapper json = new OneRosterJsonMapper(mapper, uri.getBaseUriBuilder().path(BASE).build().toString());
        ObjectNode body = mapper.createObjectNode();
        body.set(collection.singular(), json.write(collection, row, fields));
        audit(collection, List.of(row));
        return Response.ok(body).build();
    }

    private static Set<String> fields(OneRosterCollection collection, String list, List<Problem.Violation> violations) {
        if (list == null || list.isBlank()) {
            return null;
        }
        Set<String> allowed = OneRosterJsonMapper.SELECTABLE.get(collection);
        Set<String> fields = new LinkedHashSet<>();
        for (String field : list.split(",")) {
            String name = field.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!allowed.contains(name)) {
                violations.add(new Problem.Violation("fields", "'" + name + "' is not a field of " + collection.path()
                        + "; use some of " + String.join(", ", allowed.stream().sorted().toList())));
            }
            fields.add(name);
        }
        return fields;
    }

    /** RFC 8288 links: first and last always, prev and next where they exist. */
    private static String links(UriInfo uri, long total, int limit, int offset) {
        List<String> links = new ArrayList<>();
        long last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        links.add(link(uri, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(uri, Math.max(0, offset - limit), limit, "prev"));
        }
        if (offset + limit < total) {
            links.add(link(uri, offset + limit, limit, "next"));
        }
        links.add(link(uri, last, limit, "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, long offset, int limit, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("offset", offset).replaceQueryParam("limit", limit)
                .build() + ">; rel=\"" + rel + "\"";
    }
}
