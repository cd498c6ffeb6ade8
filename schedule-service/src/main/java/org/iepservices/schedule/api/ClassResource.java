package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockRequest;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockResponse;
import org.iepservices.schedule.api.CopyDtos.ClassView;
import org.iepservices.schedule.api.ViewDtos.ScheduleView;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.service.ActivityBlockService;
import org.iepservices.schedule.service.RosterQuery;
import org.iepservices.schedule.service.ScheduleQuery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

/**
 * A class: its copy from roster.events, its weekly activity blocks, and its week of sessions. The
 * class and its blocks are reference data (any staff role); its students and its week are student
 * records, shown as far as the caller's scope reaches (a teacher: the students of their classes).
 */
@Path("/api/v1/classes/{classId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classes and activities")
public class ClassResource {

    private final ActivityBlockService blocks;
    private final RosterQuery roster;
    private final ScheduleQuery schedule;
    private final DistrictClock clock;
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    ClassResource(ActivityBlockService blocks, RosterQuery roster, ScheduleQuery schedule, DistrictClock clock,
                  AccessScope scope, WriteAccess writes, AccessAudit audit) {
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.blocks = blocks;
        this.roster = roster;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The class as schedule-service knows it",
            description = "From ClassUpserted and EnrollmentChanged on roster.events: school, title, current teachers "
                    + "and students (only those in the caller's scope). 404 until the class has arrived.")
    public ClassView get(@PathParam("classId") UUID classId) {
        SchoolClass c = blocks.knownClass(classId);
        LocalDate today = clock.today();
        List<UUID> students = scope.visible(roster.studentsOf(classId, today, today)).stream().sorted().toList();
        audit.read("class", classId, students);
        return ClassView.of(c, roster.teachersOf(classId), students);
    }

    @POST
    @Path("/activity-blocks")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Add an activity block to the class's week",
            description = "What the class does on a weekday between two times: subject, core instruction or not, "
                    + "structure, and the teacher's openness to push-in. Must lie within the school day (the school's "
                    + "default bell schedule) and overlap no other block of the class that day (422). An admin of "
                    + "the class's school (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityBlockResponse.class)))
    public Response create(@PathParam("classId") UUID classId, @Valid @NotNull ActivityBlockRequest request,
                           UriInfo uri) {
        writes.schoolAdmin(blocks.knownClass(classId).schoolId);
        ActivityBlock block = blocks.create(classId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/activity-blocks").path(block.id.toString())
                .build()).tag(Long.toString(block.version)).entity(ActivityBlockResponse.of(block)).build();
    }

    @GET
    @Path("/activity-blocks")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The class's activity blocks, by weekday and time")
    public List<ActivityBlockResponse> list(@PathParam("classId") UUID classId,
                                            @QueryParam("dayOfWeek") DayOfWeek day) {
        return blocks.ofClass(classId, day).stream().map(ActivityBlockResponse::of).toList();
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The class's week: who comes in when, and which students leave when",
            description = "Push-in occurrences into the class (PROVIDER_JOINS: provider, students, the activity "
                    + "joined) and pull-out occurrences of its students (STUDENTS_LEAVE: which students, where to), "
                    + "cancelled ones included with their reason. weekOf: any date of the week (default today). "
                    + "Only sessions naming students in the caller's scope, and only those students: the class's "
                    + "teacher sees their students' sessions, a provider their caseload's.")
    public ScheduleView week(@PathParam("classId") UUID classId, @QueryParam("weekOf") LocalDate weekOf) {
        blocks.knownClass(classId);
        LocalDate from = schedule.weekStart(weekOf == null ? clock.today() : weekOf);
        ScheduleView view = ScheduleView.of(from, from.plusDays(6), schedule.schoolClass(classId, from,
                from.plusDays(6), scope));
        audit.read("class-schedule", classId, studentsIn(view));
        return view;
    }

    /** Every student a schedule view names. */
    static Set<UUID> studentsIn(ScheduleView view) {
        Set<UUID> ids = new LinkedHashSet<>();
        view.sessions().forEach(s -> s.students().forEach(a -> ids.add(a.studentId())));
        return ids;
    }
}
