package io.patronage.kit.publication;

import io.micronaut.context.annotation.Value;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.KafkaClientSecurity;
import io.micronaut.context.annotation.Requires;
import io.patronage.kit.axon.AxonModule;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ce_id}s already on some topics since an instant: what a publication recovery must not send again.
 * A record's timestamp is set when it is sent, after its event was created, so reading from the offsets of
 * {@code since} finds every record of the events created since then.
 */
@Singleton
@Requires(beans = AxonModule.class)
class PublishedIds {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String application;
    private final KafkaClientSecurity security;

    PublishedIds(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                 @Value("${micronaut.application.name}") String application, KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.application = application;
        this.security = security;
    }

    Set<String> since(Collection<String> topics, Instant since) {
        Set<String> ids = new HashSet<>();
        if (topics.isEmpty()) {
            return ids;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(security.with(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, application + "-publication-recovery",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, PATIENCE).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(partition -> at.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(at, PATIENCE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> toRead = new HashMap<>();
            from.forEach((partition, offset) -> {
                if (offset != null && offset.offset() < end.get(partition)) {
                    toRead.put(partition, end.get(partition));
                }
            });
            consumer.assign(toRead.keySet());
            toRead.keySet().forEach(partition -> consumer.seek(partition, from.get(partition).offset()));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!toRead.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + toRead.keySet() + " to their end in " + PATIENCE);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
                    if (id != null) {
                        ids.add(id);
                    }
                }
                toRead.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            }
        }
        return ids;
    }
}
