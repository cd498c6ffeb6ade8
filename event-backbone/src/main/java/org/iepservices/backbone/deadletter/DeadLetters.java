package org.iepservices.backbone.deadletter;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service's dead-letter topics: how many records each holds and how many wait for a replay, and
 * the replay itself. A replay republishes each waiting record to the topic it came from (header
 * {@value #ORIGINAL_TOPIC}, set by SmallRye's dead-letter queue and by reporting's batching consumers)
 * with its key, value and CloudEvents headers, so it goes through the same idempotent consumer again:
 * a consumer that had applied it skips it by its event id, one that had failed applies it once.
 * Consumers of other services on that topic see the record twice and skip it the same way.
 *
 * <p>Where it stopped is the committed offset of the consumer group {@code <application>-dead-letter-replay}
 * on the dead-letter topic; a record that fails again is dead-lettered again, behind that offset, and
 * waits for the next replay. The topics are those named by {@code mp.messaging.incoming.*.dead-letter-queue.topic}.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** Headers SmallRye's KafkaDeadLetterQueue writes (checked against smallrye-reactive-messaging-kafka 4.33). */
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";
    public static final String REASON = "dead-letter-reason";
    /** Added to a replayed record: the dead-letter record it was replayed from (topic:partition:offset). */
    public static final String REPLAYED_FROM = "dead-letter-replayed-from";

    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");
    private static final Pattern FAILURE_STRATEGY = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.failure-strategy");

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private final Duration replayTimeout;
    private final List<String> topics;
    private final Map<String, AtomicLong> recordCounts = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                @ConfigProperty(name = "quarkus.application.name") String application,
                @ConfigProperty(name = "dead-letters.replay.timeout", defaultValue = "60s") Duration replayTimeout,
                Config config, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.group = application + "-dead-letter-replay";
        this.replayTimeout = replayTimeout;
        this.topics = List.copyOf(topicsOf(config));
        this.registry = registry;
        for (String topic : topics) {
            AtomicLong count = new AtomicLong();
            recordCounts.put(topic, count);
            // A counter, not a gauge: records are never taken off a dead-letter topic, its end offsets only grow.
            FunctionCounter.builder("dead.letter.records", count, AtomicLong::get)
                    .description("Records ever sent to this dead-letter topic")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    /** The dead-letter topics of the channels configured with failure-strategy=dead-letter-queue. */
    static TreeSet<String> topicsOf(Config config) {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher topic = DLQ_TOPIC.matcher(name);
            if (topic.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
            Matcher strategy = FAILURE_STRATEGY.matcher(name);
            if (strategy.matches() && "dead-letter-queue".equals(config.getOptionalValue(name, String.class).orElse(""))
                    && config.getOptionalValue("mp.messaging.incoming." + strategy.group(1) + ".dead-letter-queue.topic",
                    String.class).isEmpty()) {
                topics.add("dead-letter-topic-" + strategy.group(1)); // SmallRye's default name
            }
        }
        return topics;
    }

    public List<String> topics() {
        return topics;
    }

    /** One dead-letter topic: records it holds, of which replayed (behind the replay offset) and waiting. */
    public record Summary(String topic, long records, long replayed, long waiting) {
    }

    /** What one replay did: records republished to their original topic, and skipped (no original topic). */
    public record Replay(String topic, long replayed, long skipped, long waiting) {
    }

    /** Every dead-letter topic of the service with its counts. */
    public List<Summary> summaries() {
        if (topics.isEmpty()) {
            return List.of();
        }
        try (Admin admin = Admin.create(adminConfig())) {
            Map<String, Summary> byTopic = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (String topic : topics) {
                byTopic.put(topic, summary(admin, topic, committed));
            }
            return topics.stream().map(byTopic::get).toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the dead-letter topics: " + e.getMessage(), e);
        }
    }

    private Summary summary(Admin admin, String topic, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        List<TopicPartition> partitions = partitions(admin, topic);
        if (partitions.isEmpty()) {
            return new Summary(topic, 0, 0, 0);
        }
        Map<TopicPartition, Long> begin = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
        long records = 0;
        long waiting = 0;
        long ever = 0;
        for (TopicPartition p : partitions) {
            long from = begin.get(p);
            long to = end.get(p);
            long position = Optional.ofNullable(committed.get(p)).map(OffsetAndMetadata::offset).orElse(from);
            records += to - from;
            waiting += to - Math.max(from, Math.min(position, to));
            ever += to;
        }
        recordCounts.computeIfAbsent(topic, t -> new AtomicLong()).set(ever);
        return new Summary(topic, records, records - waiting, waiting);
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return List.of(); // nothing was ever dead-lettered
            }
            throw e;
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    /** Keeps the per-topic counter current between listings. */
    @Scheduled(every = "${dead-letters.metrics-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshCounts() {
        if (topics.isEmpty()) {
            return;
        }
        try {
            summaries();
        } catch (RuntimeException e) {
            LOG.debugf("Could not count dead-letter records: %s", e);
        }
    }

    /**
     * Republishes every record of {@code topic} from the replay offset to the end as it is now, and
     * moves the replay offset past them. One replay at a time in this JVM; two replicas replaying at
     * once may republish a record twice, which the idempotent consumers make harmless.
     */
    public synchronized Replay replay(String topic) {
        if (!topics.contains(topic)) {
            throw new IllegalArgumentException("not a dead-letter topic of this service: " + topic);
        }
        long replayed = 0;
        long skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of())) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            if (partitions.isEmpty()) {
                return new Replay(topic, 0, 0, 0);
            }
            consumer.assign(partitions);
            // Up to the end as it is now: a record that fails again lands behind it, for the next replay.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + replayTimeout.toNanos();
            while (!reached(consumer, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replay of " + topic + " did not reach the end within " + replayTimeout);
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(p)) {
                        continue;
                    }
                    done.put(p, new OffsetAndMetadata(r.offset() + 1));
                    Header original = r.headers().lastHeader(ORIGINAL_TOPIC);
                    if (original == null) {
                        LOG.warnf("Dead-letter record %s-%d@%d names no original topic; skipped", r.topic(), r.partition(), r.offset());
                        skipped++;
                        continue;
                    }
                    ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(
                            new String(original.value(), StandardCharsets.UTF_8), r.key(), r.value());
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("dead-letter-")) {
                            again.headers().add(h);
                        }
                    }
                    again.headers().add(REPLAYED_FROM, (r.topic() + ":" + r.partition() + ":" + r.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(again));
                    replayed++;
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                // The offset moves only once the republished records are on their topic: nothing is lost.
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            consumer.commitSync(end.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replay of " + topic + " failed: " + e.getMessage(), e);
        }
        registry.counter("dead.letter.replayed", "topic", topic).increment(replayed);
        LOG.infof("Replayed %d record(s) of %s to their original topics (%d skipped)", replayed, topic, skipped);
        long waiting = summaries().stream().filter(s -> s.topic().equals(topic)).mapToLong(Summary::waiting).sum();
        return new Replay(topic, replayed, skipped, waiting);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafkaConfig.get("bootstrap.servers"));
        config.put("request.timeout.ms", 10000);
        config.put("default.api.timeout.ms", 15000);
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, group);
        return config;
    }
}
