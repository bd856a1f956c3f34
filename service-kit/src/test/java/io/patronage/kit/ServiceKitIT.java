package io.patronage.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.infra.Infrastructure;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationCheckpoint;
import io.patronage.kit.publication.PublicationRecovery;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceKitIT implements TestPropertyProvider {

    private final String chain = "kit-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, String> producer;

    @Inject
    RecordingListener listener;

    @Inject
    ChainDirectory chains;

    @Inject
    EventPublisher publisher;

    @Inject
    EmbeddedServer server;

    @Inject
    RecordingPublisher publications;

    @Inject
    EventStore eventStore;

    @Inject
    PublicationRecovery recovery;

    @Inject
    PublicationCheckpoint checkpoint;

    @Inject
    EventStorageEngine storage;

    @Override
    public Map<String, String> getProperties() {
        Infrastructure infra = Infrastructure.forTests();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
        return Map.of("kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "mongodb.uri", infra.mongoUri(),
                "patronage.mongo.database", "kit-it-" + UUID.randomUUID());
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void deadLettersPoisonRecordsAndSkipsDuplicatesWhileTheRestFlows() throws Exception {
        publisher.publish(new ChainConfigured(chain, "EUR", "Europe/Athens", "el-GR", null, Instant.now()))
                .get(30, TimeUnit.SECONDS);
        send(transaction("t-1"));
        send("{this is not json");
        send(transaction("boom-1"));
        send(transaction("t-2"));
        send(transaction("t-1"));
        producer.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":t-2"));
        List<ConsumerRecord<String, String>> deadLetters = readDeadLetters(2);

        assertEquals(1, listener.handled.stream().filter((chain + ":t-1")::equals).count(), "duplicate skipped");
        assertTrue(listener.handled.stream().noneMatch(id -> id.contains("boom")));
        String malformed = header(deadLetters.get(0), DeadLetterPublisher.REASON);
        String failed = header(deadLetters.get(1), DeadLetterPublisher.REASON);
        assertTrue(malformed.startsWith("malformed transaction JSON"), malformed);
        assertEquals("cannot handle " + chain + ":boom-1", failed);
        assertEquals("kit-test.recording", header(deadLetters.get(1), DeadLetterPublisher.CONSUMER_GROUP));
        assertEquals(transaction("boom-1"), deadLetters.get(1).value(), "original value kept for replay");
    }

    @Test
    void rendersValidationFailuresAsProblemJsonWithFieldErrors() throws Exception {
        HttpResponse<String> response = post("/samples", "{\"name\":\"\",\"email\":\"not-an-email\"}");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals(400, problem.get("status").asInt());
        assertTrue(problem.has("errors"), response.body());
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertTrue(fields.containsAll(List.of("name", "email")), fields.toString());
    }

    @Test
    void rendersMalformedJsonAndOversizePayloadsAsProblemJson() throws Exception {
        HttpResponse<String> malformed = post("/samples", "{\"name\": ");
        HttpResponse<String> oversize = post("/samples", "{\"name\":\"" + "x".repeat(70_000) + "\"}");

        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("content-type").orElseThrow());
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());
        assertEquals(413, oversize.statusCode());
        assertEquals("application/problem+json", oversize.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void namesTheFieldOfAWronglyShapedBodyWithoutJavaInternals() throws Exception {
        HttpResponse<String> response = post("/samples", "{\"name\":{\"first\":\"x\"}}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals("name", problem.get("errors").get(0).get("field").asText(), response.body());
        assertTrue(!response.body().contains("java."), response.body());
    }

    @Test
    void rendersProblemExceptionsAndUnknownRoutes() throws Exception {
        HttpResponse<String> notFound = get("/samples/42");
        HttpResponse<String> noRoute = get("/nothing-here");

        assertEquals(404, notFound.statusCode());
        JsonNode problem = Json.mapper().readTree(notFound.body());
        assertEquals("urn:patronage:problem:not-found", problem.get("type").asText());
        assertEquals("no sample with id 42", problem.get("detail").asText());
        assertEquals("/samples/42", problem.get("instance").asText());
        assertEquals(404, noRoute.statusCode());
        assertEquals("application/problem+json", noRoute.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void readinessChecksKafkaAndMongo() throws Exception {
        HttpResponse<String> response = get("/health/readiness");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode details = Json.mapper().readTree(response.body()).get("details");
        assertEquals("UP", details.get("kafka").get("status").asText());
        assertEquals("UP", details.get("mongodb").get("status").asText());
    }

    @Test
    void exposesMongoCommandCountsAndConsumerMetricsToPrometheus() throws Exception {
        get("/health/readiness");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get("/prometheus").body();
            assertTrue(metrics.contains("patronage_mongo_commands_total{command=\"ping\""), metrics);
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_consumed_total"), metrics);
        });
    }

    @Test
    void publishesStoredEventsAgainFromAnInstantAndCheckpointsWhatIsOnKafka() {
        Instant before = Instant.now().minusSeconds(1);
        String id = UUID.randomUUID().toString();
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                eventStore.publish(GenericEventMessage.asEventMessage(new RecordingPublisher.SampleHappened(id))));
        assertEquals(1, publications.published.stream().filter(id::equals).count(), "published after commit");

        long republished = recovery.republishSince(before);

        assertTrue(republished >= 1, "at least the event stored since then");
        assertEquals(2, publications.published.stream().filter(id::equals).count(), "published again");
        checkpoint.checkpoint();
        Instant saved = checkpoint.saved();
        assertTrue(saved.isAfter(before.minus(Duration.ofMinutes(2))) && saved.isBefore(Instant.now()), saved.toString());
    }

    /** Optimistic concurrency of event sourcing rests on this unique index, also on the embedded store. */
    @Test
    void twoWritersOfTheSameAggregateSequenceNumberCollide() {
        String aggregate = UUID.randomUUID().toString();
        DomainEventMessage<String> first = new GenericDomainEventMessage<>("Sample", aggregate, 0, "first");
        DomainEventMessage<String> rival = new GenericDomainEventMessage<>("Sample", aggregate, 0, "rival");
        storage.appendEvents(first);

        assertThrows(AggregateStreamCreationException.class, () -> storage.appendEvents(rival));
        assertEquals(1, storage.readEvents(aggregate).asStream().count());
    }

    @Test
    void knowsAChainAsSoonAsItIsOnTheTopicAndItsLatestConfiguration() throws Exception {
        String id = "kit-chain-" + UUID.randomUUID();
        assertTrue(chains.find(id).isEmpty());

        publisher.publish(new ChainConfigured(id, "JPY", "Asia/Tokyo", "ja-JP", null, Instant.now()))
                .get(30, TimeUnit.SECONDS);
        assertEquals("JPY", chains.find(id).orElseThrow().currency(), "a miss waits for what is on the topic");

        TillLimits limits = new TillLimits(new BigDecimal("500000"), 50, Duration.ofMinutes(1), null);
        publisher.publish(new ChainConfigured(id, "JPY", "Asia/Tokyo", "ja-JP", limits, Instant.now()))
                .get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> chains.find(id).orElseThrow().tillLimits().equals(limits));
        assertTrue(chains.find("kit-chain-never-configured").isEmpty());
    }

    private String transaction(String id) {
        return "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + chain + "\",\"storeId\":\"s1\","
                + "\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-27T10:00:00+02:00\",\"currency\":\"EUR\","
                + "\"total\":\"10.00\",\"lines\":[]}";
    }

    private void send(String value) {
        producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), chain, value));
    }

    private List<ConsumerRecord<String, String>> readDeadLetters(int expected) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.forTests().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSACTIONS.deadLetterTopic()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (chain.equals(record.key())) {
                        mine.add(record);
                    }
                });
                return mine.size() >= expected;
            });
        }
        return mine;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.get(record.headers(), name);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }
}
