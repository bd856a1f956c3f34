package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the end-to-end tests drive the platform with: test-support's HTTP and Kafka probes, as outside clients. */
final class Outside implements AutoCloseable {

    static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaProbe kafka;
    /** The launcher's own token: every role on every chain. */
    private final String token;

    Outside(String bootstrapServers, String token) {
        this.kafka = new KafkaProbe(bootstrapServers);
        this.token = token;
    }

    static ConditionFactory awaiting(String what) {
        return await(what).atMost(OUTCOME_TIMEOUT).pollInterval(Duration.ofMillis(250));
    }

    JsonNode enroll(URI enrollment, String chainId) {
        String body = """
                {"chainId":"%s","firstName":"Ελένη","lastName":"Παπαδοπούλου","email":"eleni.%s@example.gr",
                 "phone":"+306912345678","birthDate":"1988-04-12","locale":"el-GR"}
                """.formatted(chainId, UUID.randomUUID());
        HttpResponse<String> response = new HttpProbe(enrollment).as(token).post("/members", body);
        assertEquals(201, response.statusCode(), response.body());
        return HttpProbe.json(response);
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

    void produce(String key, String value) {
        kafka.sendTransaction(key, value);
    }

    long balance(URI points, String memberId) {
        return getJson(points, "/members/" + memberId + "/points").path("balance").asLong();
    }

    /** The redemption's id, or empty while rewards-service does not know the member yet. */
    Optional<String> redeem(URI rewards, String memberId, String rewardId) {
        HttpResponse<String> response = new HttpProbe(rewards).as(token).post("/members/" + memberId + "/redemptions",
                "{\"rewardId\":\"" + rewardId + "\"}");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertEquals(202, response.statusCode(), response.body());
        return Optional.of(HttpProbe.json(response).path("redemptionId").asText());
    }

    Map<String, Long> participation(URI analytics, String chainId) {
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

    /** Every record in a topic's log so far (of open and aborted transactions too), read to the end offsets of now. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return kafka.everyRecordInTheLog(topic);
    }

    /** The resource, or a missing node while it does not exist (yet). */
    JsonNode find(URI base, String path) {
        HttpResponse<String> response = new HttpProbe(base).as(token).get(path);
        if (response.statusCode() == 404) {
            return MissingNode.getInstance();
        }
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return HttpProbe.json(response);
    }

    JsonNode getJson(URI base, String path) {
        return new HttpProbe(base).as(token).getJson(path);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
