package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleRequest;
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleResponse;
import org.iepservices.schedule.api.ScheduleDtos.CalendarRequest;
import org.iepservices.schedule.api.ScheduleDtos.CalendarResponse;
import org.iepservices.schedule.api.ScheduleDtos.ClosureRequest;
import org.iepservices.schedule.api.ScheduleDtos.DayAssignment;
import org.iepservices.schedule.api.ScheduleDtos.DaySchedule;
import org.iepservices.schedule.api.ScheduleDtos.InstructionalDays;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.SchoolYear;
import org.iepservices.schedule.service.BellScheduleService;
import org.iepservices.schedule.service.CalendarService;
import org.iepservices.schedule.service.ScheduleQuery;
import org.iepservices.schedule.api.CopyDtos.ClassView;
import org.iepservices.schedule.api.CopyDtos.SchoolView;
import org.iepservices.schedule.api.ViewDtos.ScheduleView;
import org.iepservices.schedule.domain.roster.School;
import org.iepservices.schedule.domain.roster.SchoolClass;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

/**
 * A school's day (bell schedules) and year (calendar, closures). Schools are owned by student-service.
 * Reference data any staff role reads; changed by an admin of the school (403 for anyone else).
 */
@Path("/api/v1/schools/{schoolId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "School day and year")
public class SchoolScheduleResource {

    private final BellScheduleService bells;
    private final CalendarService calendars;
    private final ScheduleQuery schedule;
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    SchoolScheduleResource(BellScheduleService bells, CalendarService calendars, ScheduleQuery schedule,
                           AccessScope scope, WriteAccess writes, AccessAudit audit) {
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.bells = bells;
        this.calendars = calendars;
        this.schedule = schedule;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The school as schedule-service knows it",
            description = "From SchoolUpserted on roster.events. 404 until it arrived.")
    public SchoolView school(@PathParam("schoolId") UUID schoolId) {
        return SchoolView.of(School.<School>findByIdOptional(schoolId).orElseThrow(() -> ProblemException.notFound(
                "School", schoolId + " (schedule-service knows schools from roster.events)")));
    }

    @GET
    @Path("/classes")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The school's classes received from roster.events, by title")
    public List<ClassView> classes(@PathParam("schoolId") UUID schoolId) {
        return SchoolClass.<SchoolClass>list("schoolId = ?1 order by title, id", schoolId).stream()
                .map(c -> ClassView.of(c, null, null)).toList();
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The school's sessions on a date (or from date to `to`)",
            description = "Every occurrence at the school: provider, push-in class and activity or pull-out room, "
                    + "students; cancelled ones with reason. Only sessions naming students in the caller's scope, "
                    + "and only those students.")
    public ScheduleView sessions(@PathParam("schoolId") UUID schoolId, @QueryParam("date") LocalDate date,
                                 @QueryParam("to") LocalDate to) {
        if (date == null) {
            throw ProblemException.invalid("date", "is required (YYYY-MM-DD)");
        }
        LocalDate end = to == null ? date : to;
        Dates.range(date, end);
        ScheduleView view = ScheduleView.of(date, end, schedule.school(schoolId, date, end, scope));
        audit.read("school-schedule", schoolId, ClassResource.studentsIn(view));
        return view;
    }

    @POST
    @Path("/bell-schedules")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Add a bell schedule", description = "Periods must not overlap (422). Marking it default "
            + "makes the school's previous default an ordinary schedule.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BellScheduleResponse.class)))
    public Response createBellSchedule(@PathParam("schoolId") UUID schoolId,
                                       @Valid @NotNull BellScheduleRequest request, UriInfo uri) {
        writes.schoolAdmin(schoolId);
        BellSchedule schedule = bells.create(schoolId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/bell-schedules").path(schedule.id.toString())
                .build()).tag(Long.toString(schedule.version)).entity(BellScheduleResponse.of(schedule)).build();
    }

    @GET
    @Path("/bell-schedules")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The school's bell schedules, default first")
    public List<BellScheduleResponse> bellSchedules(@PathParam("schoolId") UUID schoolId) {
        return bells.ofSchool(schoolId).stream().map(BellScheduleResponse::of).toList();
    }

    @PUT
    @Path("/bell-schedule-days/{date}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Use another bell schedule on a date (early release, testing day)")
    @APIResponse(responseCode = "204", description = "Assigned")
    public Response assignDay(@PathParam("schoolId") UUID schoolId, @PathParam("date") LocalDate date,
                              @Valid @NotNull DayAssignment request) {
        writes.schoolAdmin(schoolId);
        bells.assignDay(schoolId, date, request.bellScheduleId());
        return Response.noContent().build();
    }

    @GET
    @Path("/day-schedule")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "What a date looks like at a school: instructional or not, and its bell schedule")
    public DaySchedule daySchedule(@PathParam("schoolId") UUID schoolId, @QueryParam("date") LocalDate date) {
        if (date == null) {
            throw ProblemException.invalid("date", "is required (YYYY-MM-DD)");
        }
        BellSchedule schedule = bells.forDay(schoolId, date).orElseThrow(() -> ProblemException.notFound(
                "Bell schedule for school " + schoolId + " on", date));
        var calendar = calendars.covering(schoolId, date).map(SchoolCalendar::year);
        boolean instructional = calendar.map(y -> y.isInstructional(date)).orElse(false);
        String reason = calendar.isEmpty() ? "no school calendar covers this date"
                : calendar.get().exception(date).map(d -> d.kind() + (d.description() == null ? "" : ": " + d.description()))
                .orElse(instructional ? null : "weekend");
        return new DaySchedule(schoolId, date, instructional, reason, BellScheduleResponse.of(schedule));
    }

    @PUT
    @Path("/calendars/{schoolYear}")
    @Transactional
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Create or replace a school year's calendar",
            description = "schoolYear like 2026-2027; every non-instructional day lies within firstDay..lastDay.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarResponse.class)))
    public Response putCalendar(@PathParam("schoolId") UUID schoolId, @PathParam("schoolYear") String schoolYear,
                                @Valid @NotNull CalendarRequest request) {
        writes.schoolAdmin(schoolId);
        boolean created = calendars.put(schoolId, schoolYear, request);
        SchoolCalendar calendar = calendars.get(schoolId, schoolYear);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(CalendarResponse.of(calendar)).build();
    }

    @GET
    @Path("/calendars/{schoolYear}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "A school year's calendar")
    public CalendarResponse calendar(@PathParam("schoolId") UUID schoolId, @PathParam("schoolYear") String schoolYear) {
        return CalendarResponse.of(calendars.get(schoolId, schoolYear));
    }

    @GET
    @Path("/calendars/{schoolYear}/instructional-days")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The instructional dates between two dates (weekdays in the year, minus days off)")
    public InstructionalDays instructionalDays(@PathParam("schoolId") UUID schoolId,
                                               @PathParam("schoolYear") String schoolYear,
                                               @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        SchoolYear year = calendars.get(schoolId, schoolYear).year();
        LocalDate start = from == null ? year.firstDay() : from;
        LocalDate end = to == null ? year.lastDay() : to;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<LocalDate> days = year.instructionalDays(start, end);
        return new InstructionalDays(schoolId, schoolYear, start, end, days.size(), days);
    }

    @POST
    @Path("/closures")
    @Transactional
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Close the school on a date (snow day, emergency)",
            description = "Adds a CLOSURE to the calendar covering the date (422 if none) and publishes SchoolClosed "
                    + "to schedule.events.")
    @APIResponse(responseCode = "201", description = "Closed; the calendar with the closure",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarResponse.class)))
    public Response close(@PathParam("schoolId") UUID schoolId, @Valid @NotNull ClosureRequest request) {
        writes.schoolAdmin(schoolId);
        SchoolCalendar calendar = calendars.close(schoolId, request.date(), request.reason());
        return Response.status(Response.Status.CREATED).entity(CalendarResponse.of(calendar)).build();
    }
}
