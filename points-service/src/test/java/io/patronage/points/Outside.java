package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.infra.Infrastructure;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The service as outside clients see it, for integration tests: POS records and CloudEvents produced with plain
 * kafka-clients, published topics read from the beginning, HTTP with the JDK client.
 */
final class Outside implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<String, byte[]> producer;
    private final Map<Topic, Reader> readers;

    Outside(int port, Topic... published) {
        this.port = port;
        String servers = Infrastructure.forTests().kafkaBootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        readers = new java.util.HashMap<>();
        for (Topic topic : published) {
            readers.put(topic, new Reader(servers, topic));
        }
    }

    void send(Topic topic, String key, String json) {
        producer.send(new ProducerRecord<>(topic.name(), key, json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    void sendCloudEvent(IntegrationEvent event) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.topicOf(event.getClass()).name(),
                    event.key(), Json.mapper().writeValueAsBytes(event));
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, UUID.randomUUID().toString());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, IntegrationEvent.typeOf(event.getClass()));
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.SOURCE, "/patronage/points-service-it");
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TIME, Instant.now().toString());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
            producer.send(record);
            producer.flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the chain on loyalty.chains.v1, as enrollment-service does, and returns its id. */
    String configureChain(String chainId, String currency) {
        sendCloudEvent(new ChainConfigured(chainId, currency, "Europe/Athens", "en", null, Instant.now()));
        return chainId;
    }

    /** The first record of {@code type} about {@code memberId} on {@code topic} whose body matches, awaited. */
    JsonNode awaitRecord(Topic topic, String memberId, String type, Predicate<JsonNode> body) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(PATIENCE).pollInSameThread().until(() -> {
            List<JsonNode> matches = seen(topic, memberId, type, body);
            found.set(matches.isEmpty() ? null : matches.get(0));
            return found.get() != null;
        });
        return found.get();
    }

    /** The records seen so far (reading what is new) of {@code type} about {@code memberId} whose body matches. */
    List<JsonNode> seen(Topic topic, String memberId, String type, Predicate<JsonNode> body) {
        return readers.get(topic).matching(memberId, type, body);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The JSON body of a {@code 200}/{@code 201} GET. */
    JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
        readers.values().forEach(reader -> reader.consumer.close());
    }

    private static final class Reader {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        Reader(String servers, Topic topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<JsonNode> matching(String memberId, String type, Predicate<JsonNode> body) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            List<JsonNode> matches = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (memberId.equals(record.key())
                        && type.equals(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE))) {
                    JsonNode json = read(new String(record.value(), StandardCharsets.UTF_8));
                    if (body.test(json)) {
                        matches.add(json);
                    }
                }
            }
            return matches;
        }
    }
}
