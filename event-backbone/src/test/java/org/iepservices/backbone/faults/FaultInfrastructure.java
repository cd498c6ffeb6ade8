package org.iepservices.backbone.faults;

import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;

import java.util.List;
import java.util.Map;

/** local-infra's real PostgreSQL and Kafka, with the test topic created (3 partitions) before the consumer starts. */
public class FaultInfrastructure extends RealInfrastructureTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "backbone"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try {
            LocalInfrastructure.shared().createTopics(List.of(TallyAdded.TOPIC, "backbone-test.dlq"));
        } catch (Exception e) {
            throw new IllegalStateException("could not create the test topics", e);
        }
        return config;
    }
}
