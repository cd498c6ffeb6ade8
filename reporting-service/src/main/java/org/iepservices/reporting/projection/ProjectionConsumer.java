package org.iepservices.reporting.projection;

/**
 * A Kafka consumer of a {@link Projection}: implemented by the projection's
 * {@code IdempotentConsumer} subclasses, whose {@code consume(String)} and
 * {@code consumerName()} already have these signatures. The live channel and the rebuild call the
 * same {@link #consume(String)}, so a rebuilt table is what the live one would be.
 */
public interface ProjectionConsumer {

    /** The {@link Projection#name()} this consumer writes. */
    String projection();

    /** The name in the consumed_event ledger. */
    String consumerName();

    /** The topic it reads. */
    String topic();

    /** Applies one record value (a CloudEvents envelope); false when it was consumed before. */
    boolean consume(String record);
}
