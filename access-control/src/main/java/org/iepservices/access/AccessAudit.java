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
 * <p>
 * An access to many students (a district's compliance export) is recorded as several events of at
 * most {@code access.audit.max-students-per-event} ids each, with the same actor, action, path and
 * time: one event naming 26,000 students is over Kafka's 1 MB request limit and would block the
 * service's outbox.
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
    private final int maxStudentsPerEvent;

    AccessAudit(ActorProducer actor, Outbox outbox, CurrentVertxRequest request,
                @ConfigProperty(name = "quarkus.application.name") String service,
                @ConfigProperty(name = "access.audit.max-students-per-event", defaultValue = "1000")
                int maxStudentsPerEvent) {
        this.actor = actor;
        this.outbox = outbox;
        this.request = request;
        this.service = service;
        this.maxStudentsPerEvent = maxStudentsPerEvent;
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
        String method = http == null ? null : http.request().method().name();
        String path = http == null ? null : truncate(http.normalizedPath());
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        List<RecordAccessed> events = new java.util.ArrayList<>();
        for (List<UUID> students : chunks(studentIds, maxStudentsPerEvent)) {
            events.add(new RecordAccessed(UUID.randomUUID(), who.subject(), who.auditRole(), action.name(),
                    service, resourceType, resourceId == null ? null : resourceId.toString(), students,
                    truncate(purpose), method, path, at));
        }
        QuarkusTransaction.joiningExisting().run(
                () -> events.forEach(event -> outbox.publish(RecordAccessed.TYPE, who.subject(), event)));
    }

    /**
     * The distinct ids in their order, in lists of at most {@code max}; one empty list when there
     * are none (an access that showed no student is still recorded).
     */
    static List<List<UUID>> chunks(Collection<UUID> studentIds, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("access.audit.max-students-per-event must be at least 1, not " + max);
        }
        List<UUID> distinct = List.copyOf(new java.util.LinkedHashSet<>(studentIds));
        if (distinct.isEmpty()) {
            return List.of(List.of());
        }
        List<List<UUID>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += max) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + max)));
        }
        return chunks;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
