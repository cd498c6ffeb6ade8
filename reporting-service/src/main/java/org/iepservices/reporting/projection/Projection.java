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

    /** Runs in the rebuild's last transaction, on the rebuilt tables, before they are swapped in. */
    default void beforeSwap() {
    }
}
