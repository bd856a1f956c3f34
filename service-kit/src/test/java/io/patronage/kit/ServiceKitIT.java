package io.patronage.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.kit.json.Json;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.EventPublisher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import jakarta.inject.Inject;
import io.patronage.kit.kafka.ConflictingResendException;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceKitIT implements TestPropertyProvider {

    private final String chain = "kit-" + UUID.randomUUID();
    /** A topic of the stuck listener's own, named as the registry requires (letters only). */
    private final String stuckTopic = "kit.stuck-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + ".v1";
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops("kit"));
    private final KafkaProbe kafka = new KafkaProbe();
    private Admin admin;

    @Inject
    RecordingListener listener;

    @Inject
    ChainDirectory chains;

    @Inject
    EventPublisher publisher;

    @Inject
    EmbeddedServer server;

    @Inject
    EventStorageEngine storage;

    @Inject
    MongoDatabase mongo;

    @Override
    public Map<String, String> getProperties() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));
        createStuckTopics();
        return TestInfrastructure.serviceProperties("kit-it", Map.of("kit-test.stuck-topic", stuckTopic));
    }

    /** The stuck listener's dead-letter topic refuses any record until the test lifts its limit. */
    private void createStuckTopics() {
        try {
            admin.createTopics(List.of(new NewTopic(stuckTopic, 1, (short) 1),
                    new NewTopic(stuckTopic + ".dlq", 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64")))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the stuck listener's topics", e);
        }
    }

    /** Till records of a chain not on loyalty.chains.v1 are dead-lettered: every test's records are of this one. */
    @BeforeAll
    void configureTheChain() {
        kafka.configureChain(new ChainConfigured(chain, "EUR", "Europe/Athens", "el-GR", null, Instant.now()));
    }

    @AfterAll
    void closeClients() {
        kafka.close();
        admin.close();
    }

    @Test
    void deadLettersPoisonRecordsAndSkipsDuplicatesWhileTheRestFlows() throws Exception {
        send(transaction("t-1"));
        send("{this is not json");
        send(transaction("boom-1"));
        send(transaction("t-2"));
        send(transaction("t-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":t-2"));
        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(2);

        assertEquals(1, listener.handled.stream().filter((chain + ":t-1")::equals).count(), "duplicate skipped");
        assertTrue(listener.handled.stream().noneMatch(id -> id.contains("boom")));
        String malformed = header(deadLetters.get(0), DeadLetterPublisher.REASON);
        String failed = header(deadLetters.get(1), DeadLetterPublisher.REASON);
        assertTrue(malformed.startsWith("malformed transaction JSON"), malformed);
        assertEquals("cannot handle " + chain + ":boom-1", failed);
        assertEquals("kit-test.recording", header(deadLetters.get(1), DeadLetterPublisher.CONSUMER_GROUP));
        assertEquals(transaction("boom-1"), Records.text(deadLetters.get(1)), "original value kept for replay");
    }

    /** About 1 MB: the dead-letter headers would push it over the producer's request limit if it went whole. */
    @Test
    void deadLettersARecordTooLargeToForwardTruncatedWithItsSizeAndPositionAndGoesOn() throws Exception {
        String key = "big-" + chain;
        String base = transaction("big-1");
        int size = 1_048_300;
        String big = base.replace("\"storeId\":\"s1\"", "\"storeId\":\"s" + "1".repeat(size - base.length() + 1) + "\"");
        assertEquals(size, big.length());
        RecordMetadata original = kafka.sendTransaction(key, big);
        kafka.sendTransaction(key, transaction("after-big"));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":after-big"));
        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(key, 1).get(0);

        assertTrue(header(deadLetter, DeadLetterPublisher.REASON).startsWith("record value of 1048300 bytes exceeds"),
                header(deadLetter, DeadLetterPublisher.REASON));
        assertEquals("true", header(deadLetter, DeadLetterPublisher.TRUNCATED));
        assertEquals(Integer.toString(size), header(deadLetter, DeadLetterPublisher.ORIGINAL_SIZE));
        assertEquals(Topics.TRANSACTIONS.name(), header(deadLetter, DeadLetterPublisher.ORIGINAL_TOPIC));
        assertEquals(Integer.toString(original.partition()), header(deadLetter, DeadLetterPublisher.ORIGINAL_PARTITION));
        assertEquals(Long.toString(original.offset()), header(deadLetter, DeadLetterPublisher.ORIGINAL_OFFSET));
        assertEquals(big.substring(0, 64 * 1024), Records.text(deadLetter), "a prefix of the value for inspection");
    }

    @Test
    void deadLettersARecordWithHugeHeadersWithoutThem() throws Exception {
        String key = "headers-" + chain;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS.name(), key,
                transaction("boom-h").getBytes(StandardCharsets.UTF_8));
        record.headers().add("trace", new byte[1_048_000]);
        record.headers().add("origin", "till-7".getBytes(StandardCharsets.UTF_8));
        kafka.send(record);

        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(key, 1).get(0);

        assertEquals("cannot handle " + chain + ":boom-h", header(deadLetter, DeadLetterPublisher.REASON));
        assertEquals("true", header(deadLetter, DeadLetterPublisher.TRUNCATED));
        assertEquals("1", header(deadLetter, DeadLetterPublisher.DROPPED_HEADERS));
        assertEquals(null, deadLetter.headers().lastHeader("trace"));
        assertEquals("till-7", header(deadLetter, "origin"), "small headers are kept");
        assertEquals(transaction("boom-h"), Records.text(deadLetter), "the value is whole");
    }

    @Test
    void boundsAHugeKeyAndAReasonQuotingAHugeValue() {
        String key = "long-" + chain + "-" + "k".repeat(300_000);
        send(key, transaction("long-1").replace("\"PURCHASE\"", "\"" + "P".repeat(200_000) + "\""));

        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(Topics.TRANSACTIONS.deadLetterTopic(),
                record -> record.key() != null && record.key().startsWith("long-" + chain), 1).get(0);

        assertEquals(key.substring(0, 1024), deadLetter.key());
        assertEquals("true", header(deadLetter, DeadLetterPublisher.TRUNCATED));
        String reason = header(deadLetter, DeadLetterPublisher.REASON);
        assertTrue(reason.startsWith("invalid value PPP") && reason.length() < 1100, reason.substring(0, 100));
        assertTrue(Records.text(deadLetter).contains("long-1"), "the value is whole");
    }

    /** Records of processed messages written before fingerprints were kept: the content is taken as the same. */
    @Test
    void skipsAMessageProcessedBeforeFingerprintsWereKept() {
        String key = "legacy-" + chain;
        mongo.getCollection("processed_messages").insertOne(
                new Document("_id", "kit-test.recording:" + chain + ":legacy-1").append("at", new Date()));
        send(key, transaction("legacy-1"));
        send(key, transaction("boom-legacy"));

        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(key, 1);

        assertEquals(1, deadLetters.size(), "only the failing message, not the legacy duplicate");
        assertEquals("cannot handle " + chain + ":boom-legacy", header(deadLetters.get(0), DeadLetterPublisher.REASON));
        assertTrue(!listener.handled.contains(chain + ":legacy-1"));
    }

    @Test
    void deadLettersAResendWithOtherContentAndCountsIt() throws Exception {
        String key = "resend-" + chain;
        send(key, transaction("r-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":r-1"));
        double before = conflictingResends();

        send(key, transaction("r-1").replace("\"total\":\"10.00\"", "\"total\":\"99.00\""));
        send(key, transaction("r-1").replace("\"lines\":[]", "\"lines\":[], \"note\":\"same sale, unknown field\""));
        send(key, transaction("r-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":r-2"));
        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(key, 1);

        assertEquals(1, deadLetters.size(), "the same sale resent with an unknown extra field is a plain duplicate");
        assertEquals(ConflictingResendException.REASON, header(deadLetters.get(0), DeadLetterPublisher.REASON));
        assertEquals(Topics.TRANSACTIONS.name() + " " + chain + ":r-1 was first processed with other content; "
                + "this copy was not counted", header(deadLetters.get(0), DeadLetterPublisher.DETAIL));
        assertTrue(Records.text(deadLetters.get(0)).contains("99.00"), "the conflicting copy is the one dead-lettered");
        assertEquals(1, listener.handled.stream().filter((chain + ":r-1")::equals).count());
        await().atMost(Duration.ofSeconds(30)).until(() -> conflictingResends() == before + 1);
    }

    @Test
    void deadLettersTwoCopiesWithDifferentContentArrivingTogether() {
        String key = "twins-" + chain;
        send(key, transaction("w-1"));
        send(key, transaction("w-1").replace("\"storeId\":\"s1\"", "\"storeId\":\"s2\""));
        send(key, transaction("w-2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(chain + ":w-2"));
        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(key, 1);

        assertEquals(ConflictingResendException.REASON, header(deadLetters.get(0), DeadLetterPublisher.REASON));
        assertTrue(header(deadLetters.get(0), DeadLetterPublisher.DETAIL).endsWith("this copy was not counted"));
        assertTrue(Records.text(deadLetters.get(0)).contains("\"s2\""), "the second copy is the one dead-lettered");
        assertEquals(1, listener.handled.stream().filter((chain + ":w-1")::equals).count());
    }

    @Test
    void mapsAConflictingResendThrownByTheHandlingToItsReason() throws Exception {
        String key = "clash-" + chain;
        double before = conflictingResends();
        send(key, transaction("clash-1"));

        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(key, 1).get(0);

        assertEquals(ConflictingResendException.REASON, header(deadLetter, DeadLetterPublisher.REASON));
        assertEquals(chain + ":clash-1 was already counted with another total",
                header(deadLetter, DeadLetterPublisher.DETAIL));
        assertEquals(IllegalStateException.class.getName(), header(deadLetter, DeadLetterPublisher.EXCEPTION));
        await().atMost(Duration.ofSeconds(30)).until(() -> conflictingResends() == before + 1);
    }

    @Test
    void deadLettersARecordWithTrailingContent() {
        String key = "tail-" + chain;
        send(key, transaction("tail-1") + " {\"total\":\"99.00\"}");

        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(key, 1).get(0);

        assertTrue(header(deadLetter, DeadLetterPublisher.REASON)
                .startsWith("malformed transaction JSON: unexpected content after the JSON value"),
                header(deadLetter, DeadLetterPublisher.REASON));
        assertTrue(!listener.handled.contains(chain + ":tail-1"));
    }

    /** A dead letter the broker refuses holds the offset, readiness says why, and it goes on once it can. */
    @Test
    void keepsTheOffsetOfARecordWhoseDeadLetterCannotBeSent() throws Exception {
        long poison = kafka.send(stuckTopic, "k", "poison").offset();
        kafka.send(stuckTopic, "k", "fine");
        TopicPartition partition = new TopicPartition(stuckTopic, 0);

        await().atMost(Duration.ofSeconds(60)).until(() -> failingConsumers().has("kit-test.stuck"));
        String failure = failingConsumers().get("kit-test.stuck").asText();
        OffsetAndMetadata committed = committedOffset(partition);

        assertTrue(failure.contains("dead letter not sent"), failure);
        assertTrue(committed == null || committed.offset() <= poison, "committed " + committed + " past " + poison);

        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, stuckTopic + ".dlq"),
                List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                        AlterConfigOp.OpType.SET)))).all().get();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            OffsetAndMetadata moved = committedOffset(partition);
            return moved != null && moved.offset() == poison + 2;
        });
        ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(stuckTopic + ".dlq", record -> true, 1).get(0);
        assertEquals("refused by the test", header(deadLetter, DeadLetterPublisher.REASON));
        assertEquals(Long.toString(poison), header(deadLetter, DeadLetterPublisher.ORIGINAL_OFFSET));
        await().atMost(Duration.ofSeconds(30)).until(() -> !failingConsumers().has("kit-test.stuck"));
    }

    @Test
    void rendersValidationFailuresAsProblemJsonWithFieldErrors() throws Exception {
        HttpResponse<String> response = service.post("/samples", "{\"name\":\"\",\"email\":\"not-an-email\"}");

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
        HttpResponse<String> malformed = service.post("/samples", "{\"name\": ");
        HttpResponse<String> oversize = service.post("/samples", "{\"name\":\"" + "x".repeat(70_000) + "\"}");

        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("content-type").orElseThrow());
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());
        assertEquals(413, oversize.statusCode());
        assertEquals("application/problem+json", oversize.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void namesTheFieldOfAWronglyShapedBodyWithoutJavaInternals() throws Exception {
        HttpResponse<String> response = service.post("/samples", "{\"name\":{\"first\":\"x\"}}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals("name", problem.get("errors").get(0).get("field").asText(), response.body());
        assertTrue(!response.body().contains("java."), response.body());
    }

    @Test
    void refusesAScalarOrAnArrayWhereAnObjectIsExpectedAsABadRequest() throws Exception {
        for (String scalar : List.of("true", "0", "-1e400", "\"text\"", "[1]", "[true]", "[1,2,3]",
                "[{\"name\":\"Ann\"}]")) {
            HttpResponse<String> response = service.post("/samples", scalar);

            assertEquals(400, response.statusCode(), scalar + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            assertFalse(response.body().contains("java.") || response.body().contains("Exception"), response.body());
        }
    }

    @Test
    void aQueryValueOfTheWrongTypeNamesTheParameterAndTheValueWithoutJavaWording() throws Exception {
        assertEquals("7", service.get("/samples/pages?number=7").body());
        for (String value : List.of("abc", "99999999999", "1.5", "NaN")) {
            HttpResponse<String> response = service.get("/samples/pages?number=" + value);

            assertEquals(400, response.statusCode(), value + ": " + response.body());
            JsonNode problem = Json.mapper().readTree(response.body());
            assertEquals("number: invalid value " + value, problem.get("detail").asText());
            assertEquals("number", problem.get("errors").get(0).get("field").asText());
            assertFalse(response.body().contains("input string") || response.body().contains("Failed to convert"),
                    response.body());
        }
    }

    @Test
    void answersATextBodyInAnUnknownCharsetWith415() throws Exception {
        for (String charset : List.of("nonsense", "}{")) {
            HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/samples/notes"))
                    .header("content-type", "text/plain; charset=" + charset)
                    .POST(HttpRequest.BodyPublishers.ofString("a note")));

            assertEquals(415, response.statusCode(), charset + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        }
    }

    @Test
    void rendersProblemExceptionsAndUnknownRoutes() throws Exception {
        HttpResponse<String> notFound = service.get("/samples/42");
        HttpResponse<String> noRoute = service.get("/nothing-here");

        assertEquals(404, notFound.statusCode());
        JsonNode problem = Json.mapper().readTree(notFound.body());
        assertEquals("urn:patronage:problem:not-found", problem.get("type").asText());
        assertEquals("no sample with id 42", problem.get("detail").asText());
        assertEquals("/samples/42", problem.get("instance").asText());
        assertEquals(404, noRoute.statusCode());
        assertEquals("application/problem+json", noRoute.headers().firstValue("content-type").orElseThrow());
    }

    /** A browser asks for HTML; an API answers its errors as problem+json all the same. */
    @Test
    void answersErrorsAsProblemJsonWhateverTheRequestAccepts() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> noRoute = service.send(HttpRequest.newBuilder(service.uri("/nothing-here"))
                .header("Accept", browser).GET());
        HttpResponse<String> badJson = service.send(HttpRequest.newBuilder(service.uri("/samples"))
                .header("Accept", browser).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":")));

        assertEquals(404, noRoute.statusCode());
        assertEquals("application/problem+json", noRoute.headers().firstValue("content-type").orElseThrow(), noRoute.body());
        assertEquals(404, Json.mapper().readTree(noRoute.body()).get("status").asInt());
        assertEquals(400, badJson.statusCode());
        assertEquals("application/problem+json", badJson.headers().firstValue("content-type").orElseThrow(), badJson.body());
    }

    @Test
    void readinessChecksKafkaAndMongo() throws Exception {
        HttpResponse<String> response = service.get("/health/readiness");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode details = Json.mapper().readTree(response.body()).get("details");
        assertEquals("UP", details.get("kafka").get("status").asText());
        assertEquals("UP", details.get("mongodb").get("status").asText());
    }

    @Test
    void exposesMongoCommandCountsAndConsumerMetricsToPrometheus() throws Exception {
        service.get("/health/readiness");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = service.get("/prometheus").body();
            assertTrue(metrics.contains("patronage_mongo_commands_total{command=\"ping\""), metrics);
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_consumed_total"), metrics);
        });
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
        send(chain, value);
    }

    private void send(String key, String value) {
        kafka.sendTransaction(key, value);
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        return readDeadLetters(chain, expected);
    }

    /** The transaction dead letters with this key: at least {@code expected}, and whatever came with them. */
    private List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
        return readDeadLetters(Topics.TRANSACTIONS.deadLetterTopic(), record -> key.equals(record.key()), expected);
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters(String topic,
                                                                 Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                                 int expected) {
        return kafka.awaitRecords(topic, expected, wanted);
    }

    private double conflictingResends() throws Exception {
        Matcher value = Pattern.compile("patronage_consumer_messages_conflicting_resends_total\\{[^}]*"
                + "group=\"kit-test\\.recording\"[^}]*} (\\S+)").matcher(service.get("/prometheus").body());
        assertTrue(value.find(), "the counter is exposed");
        return Double.parseDouble(value.group(1));
    }

    private JsonNode failingConsumers() throws Exception {
        JsonNode kafka = Json.mapper().readTree(service.get("/health/readiness").body()).path("details").path("kafka");
        return kafka.path("details").path("failingConsumers");
    }

    private OffsetAndMetadata committedOffset(TopicPartition partition) throws Exception {
        return admin.listConsumerGroupOffsets("kit-test.stuck").partitionsToOffsetAndMetadata().get().get(partition);
    }
}
