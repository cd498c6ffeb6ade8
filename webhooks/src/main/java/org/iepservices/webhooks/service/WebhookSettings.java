package org.iepservices.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.webhooks.domain.EndpointPolicy;
import org.iepservices.webhooks.domain.RetrySchedule;

import java.time.Duration;

/** The module's configuration (README, "Configuration"), read once. */
@ApplicationScoped
public class WebhookSettings {

    private final EndpointPolicy endpoints;
    private final RetrySchedule retry;
    private final Duration secretOverlap;
    private final int maxSubscriptionsPerDistrict;

    WebhookSettings(@ConfigProperty(name = "webhooks.allow-local-endpoints", defaultValue = "false") boolean allowLocal,
                    @ConfigProperty(name = "webhooks.retry.initial-backoff", defaultValue = "10s") Duration initial,
                    @ConfigProperty(name = "webhooks.retry.max-backoff", defaultValue = "1h") Duration max,
                    @ConfigProperty(name = "webhooks.retry.max-attempts", defaultValue = "15") int maxAttempts,
                    @ConfigProperty(name = "webhooks.secret.rotation-overlap", defaultValue = "24h") Duration overlap,
                    @ConfigProperty(name = "webhooks.max-subscriptions-per-district", defaultValue = "50") int maxSubs) {
        this.endpoints = new EndpointPolicy(allowLocal);
        this.retry = new RetrySchedule(initial, max, maxAttempts);
        this.secretOverlap = overlap;
        this.maxSubscriptionsPerDistrict = maxSubs;
    }

    public EndpointPolicy endpoints() {
        return endpoints;
    }

    public RetrySchedule retry() {
        return retry;
    }

    public Duration secretOverlap() {
        return secretOverlap;
    }

    public int maxSubscriptionsPerDistrict() {
        return maxSubscriptionsPerDistrict;
    }
}
