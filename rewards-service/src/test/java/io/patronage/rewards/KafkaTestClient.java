package io.patronage.rewards;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plays the other services in tests: sends CloudEvents and reads topics with plain Kafka clients. */
final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the event as its producing service would: binary-mode CloudEvent, keyed like the registry says. */
    void send(IntegrationEvent event, String eventId, String source) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.topicOf(event.getClass()).name(),
                event.key(), Json.mapper().writeValueAsBytes(event));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, eventId);
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, IntegrationEvent.typeOf(event.getClass()));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SOURCE, source);
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TIME, Instant.now().toString());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
        producer.send(record).get();
    }

    void send(IntegrationEvent event, String source) throws Exception {
        send(event, UUID.randomUUID().toString(), source);
    }

    /** Every record with this key on the topic so far: reads each partition from the start to its end. */
    List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return Json.mapper().readValue(record.value(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
