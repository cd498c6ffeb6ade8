package org.iepservices.reporting.projection;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rebuildable read model of the service, found through CDI: a {@link Projection} bean per
 * read model and a {@link ProjectionConsumer} bean per consumer of it. Checked at startup: names
 * unique, tables owned by one projection only, every consumer's projection registered.
 */
@ApplicationScoped
public class ProjectionRegistry {

    private final List<Projection> projections = new ArrayList<>();
    private final List<ProjectionConsumer> consumers = new ArrayList<>();

    ProjectionRegistry(@Any Instance<Projection> projections, @Any Instance<ProjectionConsumer> consumers) {
        projections.forEach(this.projections::add);
        consumers.forEach(this.consumers::add);
        this.projections.sort(Comparator.comparing(Projection::name));
        this.consumers.sort(Comparator.comparing(ProjectionConsumer::consumerName));
        validate();
    }

    void onStart(@Observes StartupEvent event) {
        // constructed (and validated) at startup rather than at the first rebuild
    }

    private void validate() {
        Map<String, String> owner = new HashMap<>();
        Map<String, Projection> byName = new HashMap<>();
        for (Projection p : projections) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("two projections are named " + p.name());
            }
            for (String table : p.tables()) {
                String previous = owner.put(table, p.name());
                if (previous != null) {
                    throw new IllegalStateException("table " + table + " is claimed by projections " + previous
                            + " and " + p.name());
                }
                if (!table.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalStateException("not a plain table name: " + table);
                }
            }
        }
        for (ProjectionConsumer c : consumers) {
            if (!byName.containsKey(c.projection())) {
                throw new IllegalStateException("consumer " + c.consumerName() + " writes unknown projection "
                        + c.projection());
            }
        }
    }

    public List<Projection> projections() {
        return List.copyOf(projections);
    }

    /** The projection of that name (a consumer's {@link ProjectionConsumer#projection()}). */
    public Projection projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projection " + name));
    }

    public List<Projection> projections(Collection<String> names) {
        return projections.stream().filter(p -> names.contains(p.name())).toList();
    }

    public List<ProjectionConsumer> consumersOf(Collection<String> projectionNames) {
        return consumers.stream().filter(c -> projectionNames.contains(c.projection())).toList();
    }
}
