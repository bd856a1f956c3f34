package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the end-to-end tests drive the platform with: plain HTTP and Kafka clients, as outside clients would. */
final class Outside implements AutoCloseable {

    static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);
    private static final String TRANSACTIONS = "retail.transactions.v1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    Outside(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    static ConditionFactory awaiting(String what) {
        return await(what).atMost(OUTCOME_TIMEOUT).pollInterval(Duration.ofMillis(250));
    }

    JsonNode enroll(URI enrollment, String chainId) throws IOException, InterruptedException {
        String body = """
                {"chainId":"%s","firstName":"Ελένη","lastName":"Παπαδοπούλου","email":"eleni.%s@example.gr",
                 "phone":"+306912345678","birthDate":"1988-04-12","locale":"el-GR"}
                """.formatted(chainId, UUID.randomUUID());
        HttpResponse<String> response = post(enrollment, "/members", body);
        assertEquals(201, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    /** A purchase as a POS system sends it: plain JSON, no headers, the total as a decimal string. */
    static String purchase(String transactionId, String chainId, String cardNumber, String total) {
        String occurredAt = OffsetDateTime.now(ZoneId.of("Europe/Athens")).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"ath-syntagma","cardNumber":%s,"type":"PURCHASE",
                 "occurredAt":"%s","currency":"EUR","total":"%s",
                 "lines":[{"sku":"OLIVE-OIL-EV-1L","category":"pantry","quantity":1,"unitPrice":"%s"}],
                 "couponCodes":[]}
                """.formatted(transactionId, chainId,
                cardNumber == null ? "null" : "\"" + cardNumber + "\"", occurredAt, total, total);
    }

    void produce(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TRANSACTIONS, key, value)).get(30, TimeUnit.SECONDS);
    }

    long balance(URI points, String memberId) throws IOException, InterruptedException {
        return getJson(points, "/members/" + memberId + "/points").path("balance").asLong();
    }

    /** The redemption's id, or empty while rewards-service does not know the member yet. */
    Optional<String> redeem(URI rewards, String memberId, String rewardId) throws IOException, InterruptedException {
        HttpResponse<String> response = post(rewards, "/members/" + memberId + "/redemptions",
                "{\"rewardId\":\"" + rewardId + "\"}");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertEquals(202, response.statusCode(), response.body());
        return Optional.of(json.readTree(response.body()).path("redemptionId").asText());
    }

    Map<String, Long> participation(URI analytics, String chainId) throws IOException, InterruptedException {
        JsonNode view = getJson(analytics, "/analytics/participation?chainId=" + chainId);
        return counts(view.path("enrolledMembers").asLong(), view.path("memberTransactions").asLong(),
                view.path("nonMemberTransactions").asLong(), view.path("pointsIssued").asLong(),
                view.path("pointsRedeemed").asLong());
    }

    static Map<String, Long> counts(long enrolledMembers, long memberTransactions, long nonMemberTransactions,
                                    long pointsIssued, long pointsRedeemed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("enrolledMembers", enrolledMembers);
        counts.put("memberTransactions", memberTransactions);
        counts.put("nonMemberTransactions", nonMemberTransactions);
        counts.put("pointsIssued", pointsIssued);
        counts.put("pointsRedeemed", pointsRedeemed);
        return counts;
    }

    /** Every record of a topic so far, read from the beginning to the end offsets of now. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<TopicPartition> pending = new ArrayList<>(partitions);
            while (!pending.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
        }
        return records;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The resource, or a missing node while it does not exist (yet). */
    JsonNode find(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(base, path);
        if (response.statusCode() == 404) {
            return MissingNode.getInstance();
        }
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return json.readTree(response.body());
    }

    JsonNode getJson(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(base, path);
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return json.readTree(response.body());
    }

    HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI base, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = request(base, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
