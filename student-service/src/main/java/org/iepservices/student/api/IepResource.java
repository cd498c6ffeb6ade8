package org.iepservices.student.api;

import jakarta.annotation.security.RolesAllowed;
import org.iepservices.access.Role;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.student.service.command.IepCommands.EndRequest;
import org.iepservices.student.api.IepDtos.HistoryResponse;
import org.iepservices.student.service.command.IepCommands.IepRequest;
import org.iepservices.student.api.IepDtos.IepResponse;
import org.iepservices.student.api.IepDtos.VersionResponse;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.MandateChanges;
import org.iepservices.student.service.IepService;
import org.iepservices.student.service.StudentAccess;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1/ieps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "IEPs", description = "IEP versions: drafts, activation, amendments with effective dates, end, history")
@RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME})
public class IepResource {

    private final IepService service;
    private final StudentAccess access;

    IepResource(IepService service, StudentAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Transactional // maps goals and mandates in one persistence context
    @Path("/{id}")
    @Operation(summary = "Read an IEP version", description = "Any version: draft, in force, superseded or ended. "
            + "effectiveFrom/effectiveTo are the days this version applies. The ETag is the version for If-Match.")
    @APIResponse(responseCode = "404", description = "No such IEP, or its student is not in the caller's scope")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    public Response get(@PathParam("id") UUID id) {
        Iep iep = access.requireIep(id);
        access.read("iep", iep.id, iep.studentId);
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @Operation(summary = "Edit a draft", description = "Replaces the draft's dates, goals and mandates. Only drafts "
            + "change: an IEP in force is changed by an amendment (409 here). If-Match guards against overwriting a "
            + "concurrent edit (412). Broken rules (split, dates, provider discipline...) are 422 and change nothing.")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "The IEP would be inconsistent; every field is listed")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull IepRequest request,
                           @Parameter(description = "The ETag of the draft") @HeaderParam("If-Match") String ifMatch) {
        access.requireIep(id);
        Iep iep = service.updateDraft(id, request, IfMatch.version(ifMatch));
        access.write("iep", iep.id, iep.studentId);
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @DELETE
    @Transactional
    @Path("/{id}")
    @Operation(summary = "Discard a draft", description = "Drafts only (409 otherwise); versions that took effect "
            + "are history and stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public Response delete(@PathParam("id") UUID id,
                           @Parameter(description = "The ETag of the draft") @HeaderParam("If-Match") String ifMatch) {
        UUID student = access.requireIep(id).studentId;
        service.deleteDraft(id, IfMatch.version(ifMatch));
        access.write("iep", id, student);
        return Response.noContent().build();
    }

    @POST
    @Transactional
    @Path("/{id}/activate")
    @Operation(summary = "Put a draft in force",
            description = "Checks the whole IEP (every mandate's push-in + pull-out sessions add up, mandate dates "
                    + "inside the version, provider disciplines, at least one mandate, and for a new IEP no overlap "
                    + "with the student's other IEPs: 422 naming the fields and the overlapping IEP, nothing changed). "
                    + "A new IEP supersedes the student's previous one and publishes IepActivated; an amendment "
                    + "supersedes the version it amends from its effectiveFrom and publishes IepAmended. Both carry "
                    + "the full set of mandates and goals to iep.events.")
    @APIResponse(responseCode = "200", description = "In force")
    @APIResponse(responseCode = "409", description = "Not a draft, or the amended version is no longer in force")
    @APIResponse(responseCode = "422", description = "A rule is broken; nothing changed")
    public Response activate(@PathParam("id") UUID id) {
        access.requireIep(id);
        Iep iep = service.activate(id);
        access.write("iep", iep.id, iep.studentId);
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @POST
    @Transactional
    @Path("/{id}/amendments")
    @Operation(summary = "Amend the IEP in force",
            description = "Creates the next version as a draft: the full new set of goals and mandates, effective "
                    + "from effectiveFrom (after the amended version took effect, within the term), with an "
                    + "amendmentReason; startDate stays the IEP's. Mandates of the same service continue the amended "
                    + "version's (continuesMandateId, set automatically when there is one of each). Edit it with PUT, "
                    + "put it in force with /activate: the amended version then stays readable, in force up to the "
                    + "day before.")
    @APIResponse(responseCode = "201", description = "Amendment draft created")
    @APIResponse(responseCode = "409", description = "The IEP is not the version in force")
    @APIResponse(responseCode = "422", description = "The amendment would be inconsistent; nothing created")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull IepRequest request, UriInfo uri) {
        access.requireIep(id);
        Iep iep = service.amend(id, request);
        access.write("iep", iep.id, iep.studentId);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/ieps").path(iep.id.toString()).build())
                .tag(Long.toString(iep.version)).entity(IepResponse.of(iep)).build();
    }

    @POST
    @Transactional
    @Path("/{id}/end")
    @Operation(summary = "End the IEP in force",
            description = "Exit from services, moved out of district: the version in force becomes ENDED on endedOn "
                    + "(within the days it applies) and IepEnded is published; nothing is owed after that date.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "409", description = "Not the version in force")
    @APIResponse(responseCode = "422", description = "endedOn outside the version's days; nothing changed")
    public Response end(@PathParam("id") UUID id, @Valid @NotNull EndRequest request) {
        access.requireIep(id);
        Iep iep = service.end(id, request);
        access.write("iep", iep.id, iep.studentId);
        return Response.ok(IepResponse.of(iep)).tag(Long.toString(iep.version)).build();
    }

    @GET
    @Transactional
    @Path("/{id}/history")
    @Operation(summary = "The amendment chain of an IEP",
            description = "Every version of the IEP this one belongs to, oldest first, with the days each applied "
                    + "and, per version, what changed in the mandates compared with the version it amends "
                    + "(ADDED, CHANGED with the fields, UNCHANGED, DROPPED).")
    @APIResponse(responseCode = "404", description = "No such IEP, or its student is not in the caller's scope")
    @RolesAllowed({Role.DISTRICT_ADMIN_NAME, Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME})
    public HistoryResponse history(@PathParam("id") UUID id) {
        access.requireIep(id);
        List<Iep> chain = service.chain(id);
        access.read("iep-history", id, chain.get(0).studentId);
        Map<UUID, Iep> byId = chain.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        Iep first = chain.get(0);
        Iep last = chain.get(chain.size() - 1);
        List<VersionResponse> versions = chain.stream().map(v -> {
            Iep amended = v.amendsId == null ? null : byId.get(v.amendsId);
            List<MandateChanges.Change> changes = amended == null
                    ? MandateChanges.between(List.of(), v.mandates)
                    : MandateChanges.between(amended.mandates, v.mandates);
            return new VersionResponse(v.id, v.versionNumber, v.status, v.effectiveFrom, v.effectiveTo(), v.amendsId,
                    v.amendmentReason, v.activatedAt, v.endedOn, v.endReason, changes);
        }).toList();
        return new HistoryResponse(first.originalIepId, first.studentId, first.startDate, last.endDate, versions);
    }
}
