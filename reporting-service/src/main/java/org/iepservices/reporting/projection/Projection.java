package org.iepservices.reporting.projection;

import java.util.List;

/**
 * A read model of reporting-service that can be rebuilt from the topics: a CDI bean naming the
 * tables it owns. Its consumers ({@link ProjectionConsumer} beans with the same
 * {@link #name()}) write only these tables. A rebuild replays the topics into empty copies of the
 * tables and swaps them in (see {@link ProjectionRebuilder}).
 */
public interface Projection {

    /** Stable name, e.g. "compliance"; the consumers refer to it. */
    String name();

    /** Every table the projection's consumers write, in the public schema. */
    List<String> tables();

    /**
     * Completes work the consumers deferred to the end of a transaction (e.g. one recompute per
     * student for a whole batch). The rebuild calls it before each of its transactions commits;
     * live consumers call it themselves.
     */
    default void flush() {
    }

    /** Runs in the rebuild's last transaction, on the rebuilt tables, before they are swapped in. */
    default void beforeSwap() {
    }
}
