package io.patronage.testsupport;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The rest of the world on Kafka, for integration tests: sends what tills and the other services send (plain JSON
 * till and engagement records, binary-mode CloudEvents, chains on {@code loyalty.chains.v1}) with plain
 * kafka-clients, and reads topics and their dead letters back.
 */
public final class KafkaProbe implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Map<String, Object> clientSettings;
    private final KafkaProducer<String, byte[]> producer;
    private final List<TopicReader> readers = new ArrayList<>();

    /** On the test infrastructure's broker. */
    public KafkaProbe() {
        this(TestInfrastructure.kafkaBootstrapServers());
    }

    /** On another broker, e.g. the one a launched platform runs. */
    public KafkaProbe(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** On another broker, with client settings for every producer and consumer (a secured broker's login). */
    public KafkaProbe(String bootstrapServers, Map<String, Object> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = Map.copyOf(clientSettings);
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // The broker's message.max.bytes is the limit, as with a till's own producer, not the client's 1 MB default.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    // --- sending: each send returns once the broker has the record, so records are sent in the order of the calls

    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A record as text, with no envelope. */
    public RecordMetadata send(String topic, String key, String value) {
        return send(new ProducerRecord<>(topic, key, bytes(value)));
    }

    /** A plain JSON record, as tills ({@code retail.transactions.v1}) and engagement sources write: no headers. */
    public RecordMetadata send(Topic topic, String key, String json) {
        return send(topic.name(), key, json);
    }

    /** A till's record on {@code retail.transactions.v1}, keyed by card (or by transaction id when anonymous). */
    public RecordMetadata sendTransaction(String key, String json) {
        return send(Topics.TRANSACTIONS, key, json);
    }

    public RecordMetadata send(IntegrationEvent event) {
        return send(CloudEventRecord.of(event));
    }

    public RecordMetadata send(CloudEventRecord cloudEvent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(cloudEvent.topic(), cloudEvent.partition(),
                cloudEvent.key(), ProbeJson.write(cloudEvent.event()));
        Headers headers = record.headers();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(cloudEvent.id()));
        headers.add("ce_type", bytes(cloudEvent.type()));
        headers.add("ce_source", bytes(cloudEvent.source()));
        headers.add("ce_time", bytes(cloudEvent.time().toString()));
        headers.add("ce_subject", bytes(cloudEvent.event().key()));
        headers.add("content-type", bytes("application/json"));
        return send(record);
    }

    /**
     * Publishes the chain on {@code loyalty.chains.v1}, as enrollment-service does; services dead-letter till
     * records of chains they have not seen there. Answers the chain's id.
     */
    public String configureChain(String chainId, String currency) {
        return configureChain(new ChainConfigured(chainId, currency, "Europe/Athens", "en", null, Instant.now()));
    }

    public String configureChain(ChainConfigured chain) {
        send(chain);
        return chain.chainId();
    }

    // --- reading

    /** Follows {@code topic} from its beginning until the probe is closed. */
    public TopicReader follow(Topic topic) {
        TopicReader reader = new TopicReader(consumer(Map.of()), topic.name());
        readers.add(reader);
        return reader;
    }

    /** Every committed record on the topic, each partition read from its beginning to its current end. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return readToEnd(topic, "read_committed");
    }

    /** Every record in the topic's log, those of aborted and open transactions too. */
    public List<ConsumerRecord<String, byte[]>> everyRecordInTheLog(String topic) {
        return readToEnd(topic, "read_uncommitted");
    }

    /** Committed records on the topic that match, read to its current end. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return records(topic).stream().filter(wanted).toList();
    }

    /**
     * Reads the topic from its beginning until {@code count} records match; answers those and whatever else matching
     * is already on the topic (so that a test can see a record that should not be there).
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count,
                                                             Predicate<ConsumerRecord<String, byte[]>> wanted) {
        try (TopicReader reader = new TopicReader(consumer(Map.of()), topic)) {
            reader.awaitAtLeast(count, wanted);
            return reader.seenAfter(Duration.ofMillis(500), wanted);
        }
    }

    /** The first record on the topic that matches, awaited. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        try (TopicReader reader = new TopicReader(consumer(Map.of()), topic)) {
            return reader.await(wanted);
        }
    }

    /** The first dead letter of {@code topic} (on {@code <topic>.dlq}) that matches; its reason is in a header. */
    public ConsumerRecord<String, byte[]> awaitDeadLetter(Topic topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return awaitRecord(topic.deadLetterTopic(), wanted);
    }

    private List<ConsumerRecord<String, byte[]>> readToEnd(String topic, String isolation) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.putAll(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        readers.forEach(TopicReader::close);
    }
}
