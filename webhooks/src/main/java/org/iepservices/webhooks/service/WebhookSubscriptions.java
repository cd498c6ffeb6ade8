package org.iepservices.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.webhooks.domain.EndpointPolicy;
import org.iepservices.webhooks.domain.WebhookEventTypes;
import org.iepservices.webhooks.domain.WebhookSigner;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A district's webhook subscriptions. Every method takes the caller's district: a subscription of another
 * district is a 404, exactly like an unknown id. Bad input is a problem+json 400 and changes nothing.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** A subscription as stored (without its secrets). */
    public record Subscription(UUID id, UUID districtId, String url, List<String> eventTypes, String description,
                               boolean active, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                               OffsetDateTime secretRotatedAt) {
    }

    /** What a district admin asks for; on update, a null field keeps its value. */
    public record SubscriptionRequest(String url, List<String> eventTypes, String description, Boolean active) {
    }

    /** A subscription and its secret: the only time the secret is shown. */
    public record WithSecret(Subscription subscription, String secret) {
    }

    static final int MAX_DESCRIPTION = 500;

    private final EntityManager em;
    private final WebhookSettings settings;

    WebhookSubscriptions(EntityManager em, WebhookSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    @Transactional
    public WithSecret create(UUID district, String createdBy, SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required: {\"url\": ..., \"eventTypes\": [...]}");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        violations.addAll(urlViolations(request.url()));
        List<String> types = eventTypes(request.eventTypes(), violations);
        description(request.description(), violations);
        refuse(violations);
        Number count = (Number) em.createNativeQuery(
                        "select count(*) from webhook_subscription where district_id is not distinct from cast(nullif(:d, '') as uuid)")
                .setParameter("d", district == null ? "" : district.toString()).getSingleResult();
        if (count.intValue() >= settings.maxSubscriptionsPerDistrict()) {
            throw ProblemException.conflict("the district has " + count + " webhook subscriptions, the most allowed ("
                    + settings.maxSubscriptionsPerDistrict() + "); delete one first");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSigner.newSecret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into webhook_subscription (id, district_id, url, event_types, description, active, secret,
                            created_at, created_by, updated_at)
                        values (:id, cast(nullif(:d, '') as uuid), :url, :types, nullif(:description, ''), :active, :secret, :now, nullif(:by, ''), :now)""")
                .setParameter("id", id).setParameter("d", district == null ? "" : district.toString()).setParameter("url", request.url().trim())
                .setParameter("types", String.join(",", types)).setParameter("description", request.description() == null ? "" : request.description())
                .setParameter("active", request.active() == null || request.active())
                .setParameter("secret", secret).setParameter("now", now).setParameter("by", createdBy == null ? "" : createdBy)
                .executeUpdate();
        return new WithSecret(require(district, id), secret);
    }

    @Transactional
    public Subscription update(UUID district, UUID id, SubscriptionRequest request) {
        Subscription current = require(district, id);
        if (request == null) {
            throw ProblemException.invalid("body", "required: the fields to change");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.url() != null) {
            violations.addAll(urlViolations(request.url()));
        }
        List<String> types = request.eventTypes() == null ? current.eventTypes()
                : eventTypes(request.eventTypes(), violations);
        description(request.description(), violations);
        refuse(violations);
        em.createNativeQuery("""
                        update webhook_subscription set url = :url, event_types = :types, description = nullif(:description, ''),
                            active = :active, updated_at = :now where id = :id""")
                .setParameter("url", request.url() != null ? request.url().trim() : current.url())
                .setParameter("types", String.join(",", types))
                .setParameter("description", request.description() != null ? request.description()
                        : current.description() == null ? "" : current.description())
                .setParameter("active", request.active() != null ? request.active() : current.active())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("id", id)
                .executeUpdate();
        return require(district, id);
    }

    /** Deletes the subscription with its deliveries and their log. */
    @Transactional
    public void delete(UUID district, UUID id) {
        require(district, id);
        em.createNativeQuery("delete from webhook_subscription where id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * A new secret; the old one keeps signing alongside it for {@code webhooks.secret.rotation-overlap}, so the
     * receiver can switch over without losing a delivery.
     */
    @Transactional
    public WithSecret rotateSecret(UUID district, UUID id) {
        require(district, id);
        String secret = WebhookSigner.newSecret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        update webhook_subscription set previous_secret = secret, previous_secret_until = :until,
                            secret = :secret, secret_rotated_at = :now, updated_at = :now where id = :id""")
                .setParameter("until", now.plus(settings.secretOverlap())).setParameter("secret", secret)
                .setParameter("now", now).setParameter("id", id).executeUpdate();
        return new WithSecret(require(district, id), secret);
    }

    @Transactional
    public List<Subscription> list(UUID district) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS
                        + " from webhook_subscription where district_id is not distinct from cast(nullif(:d, '') as uuid) order by created_at, id")
                .setParameter("d", district == null ? "" : district.toString()).getResultList();
        return rows.stream().map(WebhookSubscriptions::subscription).toList();
    }

    @Transactional
    public Optional<Subscription> find(UUID district, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS
                        + " from webhook_subscription where id = :id and district_id is not distinct from cast(nullif(:d, '') as uuid)")
                .setParameter("id", id).setParameter("d", district == null ? "" : district.toString()).getResultList();
        return rows.stream().findFirst().map(WebhookSubscriptions::subscription);
    }

    /** The subscription of this district, else a 404 (another district's is not even confirmed to exist). */
    public Subscription require(UUID district, UUID id) {
        return find(district, id).orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }

    private static final String COLUMNS =
            "id, district_id, url, event_types, description, active, created_at, created_by, updated_at, secret_rotated_at";

    private static Subscription subscription(Object[] r) {
        return new Subscription(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2], List.of(((String) r[3]).split(",")),
                (String) r[4], (Boolean) r[5], Rows.time(r[6]), (String) r[7], Rows.time(r[8]), Rows.time(r[9]));
    }

    private List<Problem.Violation> urlViolations(String url) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (EndpointPolicy.Refusal r : settings.endpoints().check(url)) {
            violations.add(new Problem.Violation(r.field(), r.message()));
        }
        return violations;
    }

    private static List<String> eventTypes(List<String> requested, List<Problem.Violation> violations) {
        if (requested == null || requested.isEmpty()) {
            violations.add(new Problem.Violation("eventTypes", "at least one of " + names()));
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !WebhookEventTypes.subscribable(type.trim())) {
                violations.add(new Problem.Violation("eventTypes[" + i + "]",
                        "'" + type + "' is not an event type webhooks deliver; one of " + names()));
            } else {
                types.add(type.trim());
            }
        }
        return List.copyOf(types);
    }

    private static void description(String description, List<Problem.Violation> violations) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add(new Problem.Violation("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
    }

    private static List<String> names() {
        return WebhookEventTypes.all().stream().map(WebhookEventTypes.WebhookEventType::type).toList();
    }

    private static void refuse(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The webhook subscription was refused: "
                    + violations.get(0).field() + " " + violations.get(0).message(), violations);
        }
    }
}
