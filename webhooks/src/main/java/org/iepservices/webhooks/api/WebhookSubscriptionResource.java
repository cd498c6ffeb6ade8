package org.iepservices.webhooks.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.Actor;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.rest.Paging;
import org.iepservices.webhooks.delivery.WebhookDispatcher;
import org.iepservices.webhooks.domain.WebhookEventTypes;
import org.iepservices.webhooks.service.WebhookDeliveries;
import org.iepservices.webhooks.service.WebhookSubscriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A district admin's webhook subscriptions: endpoints that receive the district's events as signed CloudEvents
 * (module README). Everything is scoped to the admin's district: another district's subscription is a 404.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed CloudEvents POSTed to a district's endpoints, with retry, a delivery log and redelivery")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
@SecurityRequirement(name = "jwt")
public class WebhookSubscriptionResource {

    /** A subscription as shown (never its secret). */
    public record SubscriptionResponse(UUID id, UUID districtId, String url, List<String> eventTypes,
                                       String description, boolean active, OffsetDateTime createdAt, String createdBy,
                                       OffsetDateTime updatedAt, OffsetDateTime secretRotatedAt) {
        static SubscriptionResponse of(WebhookSubscriptions.Subscription s) {
            return new SubscriptionResponse(s.id(), s.districtId(), s.url(), s.eventTypes(), s.description(), s.active(),
                    s.createdAt(), s.createdBy(), s.updatedAt(), s.secretRotatedAt());
        }
    }

    /** A subscription with its signing secret: the answer to a creation or a rotation, the only time it is shown. */
    public record SubscriptionWithSecret(SubscriptionResponse subscription,
                                         @Schema(description = "whsec_ + base64 key: HMAC-SHA256 over webhook-id.webhook-timestamp.body")
                                         String secret) {
    }

    private static final String REQUEST_EXAMPLE = """
            {"url": "https://sis.district.org/hooks/iep", "eventTypes": ["SessionCompleted", "ComplianceStatusChanged"],
             "description": "SIS compliance dashboard"}""";

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final Instance<Actor> actor;

    WebhookSubscriptionResource(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
                                WebhookDispatcher dispatcher, Instance<Actor> actor) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.actor = actor;
    }

    private UUID district() {
        return actor.get().districtId();
    }

    @GET
    @Path("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types webhooks deliver",
            description = "Each type with what it means and the data fields a webhook carries: ids, dates, minutes and "
                    + "statuses, never clinical content (goal data, notes, IEP goals).")
    public List<WebhookEventTypes.WebhookEventType> eventTypes() {
        return WebhookEventTypes.all();
    }

    @GET
    @Path("/subscriptions")
    @Operation(operationId = "listWebhookSubscriptions", summary = "The district's webhook subscriptions",
            description = "Every subscription of the caller's district, oldest first, without secrets.")
    public List<SubscriptionResponse> list() {
        return subscriptions.list(district()).stream().map(SubscriptionResponse::of).toList();
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe an endpoint to event types",
            description = "The url must be https and resolve to public addresses only (deployments for tests and local "
                    + "runs may allow http and local addresses: webhooks.allow-local-endpoints). The answer carries the "
                    + "signing secret, shown this once. 400 (problem+json, one violation per bad field) for a missing or "
                    + "refused url, an unknown or missing event type, a description over 500 characters; 409 when the "
                    + "district has the most subscriptions allowed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookSubscriptions.SubscriptionRequest.class),
            examples = @ExampleObject(name = "subscription", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionWithSecret.class)))
    @APIResponse(responseCode = "400", description = "Refused url, unknown event type or bad field")
    @APIResponse(responseCode = "409", description = "Too many subscriptions in the district")
    public Response create(WebhookSubscriptions.SubscriptionRequest request, @Context UriInfo uri) {
        WebhookSubscriptions.WithSecret created = subscriptions.create(district(), actor.get().subject(), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/webhooks/subscriptions")
                        .path(created.subscription().id().toString()).build())
                .entity(new SubscriptionWithSecret(SubscriptionResponse.of(created.subscription()), created.secret()))
                .build();
    }

    @GET
    @Path("/subscriptions/{subscriptionId}")
    @Operation(operationId = "getWebhookSubscription", summary = "One subscription",
            description = "Its url, event types, state and dates; never its secret. 404 for another district's.")
    @APIResponse(responseCode = "404", description = "No such subscription in the caller's district")
    public SubscriptionResponse get(@PathParam("subscriptionId") UUID id) {
        return SubscriptionResponse.of(subscriptions.require(district(), id));
    }

    @PATCH
    @Path("/subscriptions/{subscriptionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookSubscription", summary = "Change a subscription",
            description = "Only the fields given change (url, eventTypes, description, active). A paused subscription "
                    + "(active false) gets no new deliveries and its pending ones wait until it is active again. Same "
                    + "validation as creation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookSubscriptions.SubscriptionRequest.class),
            examples = @ExampleObject(name = "pause", value = "{\"active\": false}")))
    @APIResponse(responseCode = "400", description = "Refused url, unknown event type or bad field")
    @APIResponse(responseCode = "404", description = "No such subscription in the caller's district")
    public SubscriptionResponse update(@PathParam("subscriptionId") UUID id, WebhookSubscriptions.SubscriptionRequest request) {
        return SubscriptionResponse.of(subscriptions.update(district(), id, request));
    }

    @DELETE
    @Path("/subscriptions/{subscriptionId}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription",
            description = "With its pending deliveries and its delivery log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription in the caller's district")
    public Response delete(@PathParam("subscriptionId") UUID id) {
        subscriptions.delete(district(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/subscriptions/{subscriptionId}/secret/rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Answers the new secret (shown this once). For webhooks.secret.rotation-overlap (24 h by "
                    + "default) deliveries carry two signatures, the new secret's and the old one's, so the receiver "
                    + "can switch at its own pace.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionWithSecret.class)))
    @APIResponse(responseCode = "404", description = "No such subscription in the caller's district")
    public SubscriptionWithSecret rotate(@PathParam("subscriptionId") UUID id) {
        WebhookSubscriptions.WithSecret rotated = subscriptions.rotateSecret(district(), id);
        return new SubscriptionWithSecret(SubscriptionResponse.of(rotated.subscription()), rotated.secret());
    }

    @GET
    @Path("/subscriptions/{subscriptionId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription",
            description = "Newest first: each delivery's status (PENDING, DELIVERED, FAILED), attempts, next attempt, "
                    + "last status code or error, and every attempt. Paginated with limit/offset, X-Total-Count and "
                    + "Link headers.")
    @APIResponse(responseCode = "200", description = "Deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDeliveries.WebhookDelivery.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, limit outside 1..500 or negative offset")
    @APIResponse(responseCode = "404", description = "No such subscription in the caller's district")
    public Response deliveries(@PathParam("subscriptionId") UUID id,
                               @QueryParam("status") @Parameter(description = "PENDING, DELIVERED or FAILED") String status,
                               @QueryParam("limit") @DefaultValue("50") int limit,
                               @QueryParam("offset") @DefaultValue("0") int offset, @Context UriInfo uri) {
        if (limit < 1 || limit > Paging.MAX_LIMIT) {
            throw ProblemException.invalid("limit", "between 1 and " + Paging.MAX_LIMIT);
        }
        if (offset < 0) {
            throw ProblemException.invalid("offset", "0 or more");
        }
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        WebhookDeliveries.DeliveryPage page = deliveries.list(district(), id, wanted, limit, offset);
        return Paging.page(page.deliveries(), page.total(), limit, offset, uri);
    }

    @GET
    @Path("/subscriptions/{subscriptionId}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with its attempts",
            description = "Status, attempts, next attempt, last status code or error, and every attempt with its time, "
                    + "status code or error and duration.")
    @APIResponse(responseCode = "404", description = "No such subscription or delivery in the caller's district")
    public WebhookDeliveries.WebhookDelivery delivery(@PathParam("subscriptionId") UUID id,
                                               @PathParam("deliveryId") UUID deliveryId) {
        return deliveries.get(district(), id, deliveryId);
    }

    @POST
    @Path("/subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Now, with the same webhook-id (a receiver that has it can skip it) and a fresh set of "
                    + "attempts; works for FAILED, DELIVERED and PENDING deliveries. Answers 202 with the delivery.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookDeliveries.WebhookDelivery.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery in the caller's district")
    public Response redeliver(@PathParam("subscriptionId") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDeliveries.WebhookDelivery delivery = deliveries.redeliver(district(), id, deliveryId);
        dispatcher.wake();
        return Response.accepted(delivery).build();
    }
}
