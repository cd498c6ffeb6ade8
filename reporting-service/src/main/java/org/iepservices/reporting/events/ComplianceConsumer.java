package org.iepservices.reporting.events;

import jakarta.inject.Inject;
import org.iepservices.reporting.projection.BatchingConsumer;
import org.iepservices.reporting.service.ComplianceProjector;

/**
 * A compliance consumer: records facts as the events state them and marks what they touch for
 * {@link ComplianceProjector}, whose one recompute per student runs when the batch's transaction
 * flushes the projection ({@link ComplianceProjection#flush()}).
 */
public abstract class ComplianceConsumer extends BatchingConsumer {

    @Inject
    protected ComplianceProjector projector;

    protected ComplianceConsumer(String consumerName, String topic) {
        super(consumerName, ComplianceProjection.NAME, topic);
    }
}
