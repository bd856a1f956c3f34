package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsCreditRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.rewards.redemption.ScriptedCouponCodes;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The redemption saga's reservation and compensation on the embedded Kafka and MongoDB, with a debit deadline of
 * 3 seconds; the test plays enrollment- and points-service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedemptionSagaIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";

    private String chain;
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    ScriptedCouponCodes codes;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-saga-it", Map.of(
                "patronage.rewards.debit-deadline", "3s",
                "patronage.rewards.deadline-check-interval", "500ms",
                "patronage.test.scripted-coupon-codes", "true"));
    }

    @BeforeEach
    void configureChain() {
        chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void theSameIdempotencyKeyMakesOneRedemptionAndAnotherBodyWithItIsRefused() throws Exception {
        String member = rewards.enrolledMember(chain);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = redeemWithKey(member, "free-coffee", key);
        HttpResponse<String> again = redeemWithKey(member, "free-coffee", key);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        String redemptionId = json(first).get("redemptionId").asText();
        assertEquals(redemptionId, json(again).get("redemptionId").asText());
        assertEquals("/redemptions/" + redemptionId, again.headers().firstValue("location").orElseThrow());

        JsonNode reused = assertProblem(redeemWithKey(member, "tote-bag", key), 422,
                "urn:patronage:problem:idempotency-key-reused");
        assertEquals("Idempotency-Key", reused.get("errors").get(0).get("field").asText());
        assertProblem(redeemWithKey(member, "free-coffee", "x".repeat(129)), 400);

        String other = json(redeemWithKey(member, "free-coffee", UUID.randomUUID().toString()))
                .get("redemptionId").asText();
        assertNotEquals(redemptionId, other, "another key, another redemption");
        await().atMost(PATIENCE).until(() -> debitRequests(member).size() == 2);
        assertEquals(List.of(redemptionId, other).stream().sorted().toList(),
                debitRequests(member).stream().map(PointsDebitRequested::requestId).sorted().toList(),
                "one debit request per redemption, none for the repeated key");
    }

    @Test
    void withoutAnAnswerByTheDeadlineItExpiresAndALateDebitIsGivenBackOnce() throws Exception {
        putReward("last-mug", 50, 1);
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        String redemptionId = rewards.redeem(member, "last-mug");
        assertProblem(rewards.member(other).post("/members/" + other + "/redemptions",
                "{\"rewardId\":\"last-mug\"}"), 409, "urn:patronage:problem:out-of-stock");

        JsonNode expired = rewards.awaitStatus(redemptionId, "EXPIRED");
        assertEquals("NO_ANSWER", expired.get("reason").asText());
        assertFalse(expired.has("couponCode"));
        String second = redeemOnceBack(other, "last-mug"); // the unit came back

        PointsRedeemed late = new PointsRedeemed(redemptionId, member, chain, BigDecimal.valueOf(50), BigDecimal.valueOf(950), Instant.now());
        kafka.send(CloudEventRecord.of(late).withSource(POINTS));
        kafka.send(CloudEventRecord.of(late).withSource(POINTS).withId(UUID.randomUUID().toString()));
        await().atMost(PATIENCE).until(() -> creditRequests(member).size() == 1);
        PointsCreditRequested credit = creditRequests(member).get(0);
        assertEquals(new PointsCreditRequested(redemptionId + ":refund", member, chain, BigDecimal.valueOf(50), "refund:" + redemptionId,
                credit.requestedAt()), credit);
        HttpProbe app = rewards.member(member);
        await().atMost(PATIENCE).until(() -> json(app.get("/redemptions/" + redemptionId)).has("refundedPoints"));
        JsonNode refunded = json(app.get("/redemptions/" + redemptionId));
        assertEquals("EXPIRED", refunded.get("status").asText());
        assertEquals(50, refunded.get("refundedPoints").asLong());
        assertFalse(refunded.has("couponCode"), "a late debit never makes a coupon");

        // The second redemption is answered in time: its coupon, and still one credit request for the first.
        kafka.send(CloudEventRecord.of(new PointsRedeemed(second, other, chain, BigDecimal.valueOf(50), BigDecimal.valueOf(0), Instant.now())).withSource(POINTS));
        rewards.awaitStatus(second, "COMPLETED");
        assertEquals(1, creditRequests(member).size());
        assertEquals(List.of(), kafka.records(Topics.POINTS.deadLetterTopic(), Records.keyed(member)));
    }

    @Test
    void aPartialDebitIsRefusedGivenBackAndItsStockReleased() throws Exception {
        putReward("clamped-mug", 100, 1);
        String member = rewards.enrolledMember(chain);
        String redemptionId = rewards.redeem(member, "clamped-mug");

        kafka.send(CloudEventRecord.of(new PointsRedeemed(redemptionId, member, chain, BigDecimal.valueOf(40), BigDecimal.valueOf(0), Instant.now()))
                .withSource(POINTS));
        JsonNode rejected = rewards.awaitStatus(redemptionId, "REJECTED");
        assertEquals("PARTIAL_DEBIT", rejected.get("reason").asText());
        assertEquals(40, rejected.get("refundedPoints").asLong());
        await().atMost(PATIENCE).until(() -> creditRequests(member).size() == 1);
        assertEquals(BigDecimal.valueOf(40), creditRequests(member).get(0).points());
        redeemOnceBack(member, "clamped-mug"); // the unit is back
    }

    @Test
    void couponCodesAreUniquePerChainCheckedNotAssumed() throws Exception {
        String otherChain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String first = rewards.enrolledMember(chain);
        String elsewhere = rewards.enrolledMember(otherChain);
        String second = rewards.enrolledMember(chain);
        codes.script("BBBBBBBBBB", "BBBBBBBBBB", "BBBBBBBBBB", "CCCCCCCCCC");

        assertEquals("BBBBBBBBBB", completed(first, chain));
        assertEquals("BBBBBBBBBB", completed(elsewhere, otherChain), "another chain may have the same code");
        assertEquals("CCCCCCCCCC", completed(second, chain), "the chain's taken code was drawn again, and refused");
    }

    private String completed(String member, String memberChain) throws Exception {
        String redemptionId = rewards.redeem(member, "free-coffee");
        kafka.send(CloudEventRecord.of(new PointsRedeemed(redemptionId, member, memberChain, BigDecimal.valueOf(100), BigDecimal.valueOf(0),
                Instant.now())).withSource(POINTS));
        return rewards.awaitStatus(redemptionId, "COMPLETED").get("couponCode").asText();
    }

    private void putReward(String rewardId, long cost, long stock) {
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/rewards/" + rewardId, """
                {"name":{"en":"Mug"},"pointsCost":%d,"couponValidityDays":30,"stock":%d}""".formatted(cost, stock));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Redeems once the released unit is back (the view may show the outcome a moment before the saga released it). */
    private String redeemOnceBack(String member, String rewardId) throws Exception {
        HttpProbe app = rewards.member(member);
        HttpResponse<String> accepted = await().atMost(PATIENCE).until(() -> app.post("/members/" + member
                + "/redemptions", "{\"rewardId\":\"" + rewardId + "\"}"), response -> response.statusCode() != 409);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return json(accepted).get("redemptionId").asText();
    }

    private HttpResponse<String> redeemWithKey(String member, String rewardId, String key) {
        return rewards.member(member).send(HttpRequest.newBuilder(service.uri("/members/" + member + "/redemptions"))
                .header("content-type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"rewardId\":\"" + rewardId + "\"}")));
    }

    private List<PointsDebitRequested> debitRequests(String member) {
        return requests(member, PointsDebitRequested.class);
    }

    private List<PointsCreditRequested> creditRequests(String member) {
        return requests(member, PointsCreditRequested.class);
    }

    private <T extends IntegrationEvent> List<T> requests(String member, Class<T> type) {
        return kafka.records(Topics.POINTS_REQUESTS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(type).equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, type)).toList();
    }

}
