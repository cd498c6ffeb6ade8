package org.iepservices.backbone.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in the readiness report: {@code status: DEGRADED} while events are parked, but UP all the
 * same. A parked event needs a person, not a restart: an unready pod would take the service away and
 * send nothing more.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        long parked = relay.parkedEvents();
        return HealthCheckResponse.named("outbox")
                .up()
                .withData("status", parked > 0 ? "DEGRADED" : "OK")
                .withData("parkedEvents", parked)
                .withData("pendingEvents", relay.pendingEvents())
                .build();
    }
}
