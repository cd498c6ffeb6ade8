package org.iepservices.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.RecordAccessed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The FERPA access trail: every read, write or export of a student-level record is published as
 * {@link RecordAccessed} through the outbox. Inside a writing request it joins that transaction
 * (the change and its audit record commit together); for a read it commits on its own before the
 * response leaves, so no record is ever shown without its trace.
 */
@ApplicationScoped
public class AccessAudit {

    /** Request header in which a caller may state why it reads (e.g. "annual review", "Medicaid claim"). */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    public enum Action { READ, WRITE, EXPORT }

    // The request-scoped producer (a proxy), not Actor itself: a @Dependent Actor held by this
    // application-scoped bean would be the first request's caller forever.
    private final ActorProducer actor;
    private final Outbox outbox;
    private final CurrentVertxRequest request;
    private final String service;

    AccessAudit(ActorProducer actor, Outbox outbox, CurrentVertxRequest request,
                @ConfigProperty(name = "quarkus.application.name") String service) {
        this.actor = actor;
        this.outbox = outbox;
        this.request = request;
        this.service = service;
    }

    public void read(String resourceType, Object resourceId, UUID studentId) {
        record(Action.READ, resourceType, resourceId, studentId == null ? List.of() : List.of(studentId));
    }

    public void read(String resourceType, Object resourceId, Collection<UUID> studentIds) {
        record(Action.READ, resourceType, resourceId, studentIds);
    }

    public void write(String resourceType, Object resourceId, Collection<UUID> studentIds) {
        record(Action.WRITE, resourceType, resourceId, studentIds);
    }

    /** An export lists every student it contained. */
    public void export(String resourceType, Collection<UUID> studentIds) {
        record(Action.EXPORT, resourceType, null, studentIds);
    }

    public void record(Action action, String resourceType, Object resourceId, Collection<UUID> studentIds) {
        Actor who = actor.actor();
        RoutingContext http = request.getCurrent();
        String purpose = http == null ? null : http.request().getHeader(PURPOSE_HEADER);
        RecordAccessed event = new RecordAccessed(UUID.randomUUID(), who.subject(), who.auditRole(), action.name(),
                service, resourceType, resourceId == null ? null : resourceId.toString(),
                List.copyOf(new java.util.LinkedHashSet<>(studentIds)), purpose == null ? null : truncate(purpose),
                http == null ? null : http.request().method().name(), http == null ? null : http.normalizedPath(),
                OffsetDateTime.now(ZoneOffset.UTC));
        QuarkusTransaction.joiningExisting().run(() -> outbox.publish(RecordAccessed.TYPE, who.subject(), event));
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
