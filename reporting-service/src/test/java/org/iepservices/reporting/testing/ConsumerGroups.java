package org.iepservices.reporting.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.iepservices.events.Topics;
import org.iepservices.localinfra.LocalInfrastructure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Waits until reporting's consumer groups have applied (and committed) every record on the four
 * topics. Test classes share the broker, so a test comparing whole tables must first let the
 * events of the classes before it settle, or it compares a projection still being written.
 */
public final class ConsumerGroups {

    private static final List<String> TOPICS = List.of(Topics.ROSTER, Topics.IEP, Topics.SCHEDULE, Topics.SESSION);
    /** Each consumer group of reporting-service and the topics it reads (application.properties). */
    public static final Map<String, List<String>> REPORTING = Map.of(
            "reporting-compliance", TOPICS,
            "reporting-progress", List.of(Topics.ROSTER, Topics.IEP, Topics.SESSION));

    private ConsumerGroups() {
    }

    public static void awaitCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (var topic : admin.describeTopics(TOPICS).allTopicNames().get().values()) {
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest).all().get();
                for (var group : REPORTING.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                            .partitionsToOffsetAndMetadata().get();
                    for (var end : ends.entrySet()) {
                        if (!group.getValue().contains(end.getKey().topic())) {
                            continue;
                        }
                        OffsetAndMetadata done = committed.get(end.getKey());
                        long applied = done == null ? 0 : done.offset();
                        if (applied < end.getValue().offset()) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
    }
}
