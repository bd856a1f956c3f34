package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.rewards.CouponExpired;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.contracts.rewards.CouponReinstated;
import io.patronage.contracts.rewards.CouponUseRejected;
import io.patronage.contracts.rewards.CouponUsed;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.rewards.coupons.CouponsAtTheTill;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Coupons used at the till: rewards-service on the embedded Kafka and MongoDB reading {@code retail.transactions.v1};
 * the test plays the tills, enrollment- and points-service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouponsAtTheTillIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";

    private final String chain = "chain-" + UUID.randomUUID();
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    CouponsAtTheTill couponsAtTheTill;

    @Inject
    List<TopicListener> listeners;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-till-it", Map.of(
                "patronage.rewards.coupon-expiry-interval", "500ms"));
    }

    @BeforeAll
    void configureChain() {
        kafka.configureChain(chain, "EUR");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aCouponIsUsedOnceASecondUseIsRejectedAndAWholeReturnGivesItBack() throws Exception {
        String member = rewards.enrolledMember(chain);
        String card = "card-" + member;
        String code = couponOf(member, Instant.now());

        String sale = purchase("T-1-" + member, card, "12.00", code, "XMAS-PROMO");
        kafka.sendTransaction(card, sale);
        CouponUsed used = awaitEvent(member, CouponUsed.class, 1).get(0);
        assertEquals(code, used.couponCode());
        assertEquals("T-1-" + member, used.transactionId());
        assertEquals("store-7", used.storeId());
        assertEquals(chain, used.chainId());
        JsonNode coupon = coupon(member, code);
        assertEquals("USED", coupon.get("status").asText());
        assertEquals("T-1-" + member, coupon.get("transactionId").asText());

        // The same sale resent changes nothing; another sale with the coupon is a rejected use, published.
        kafka.sendTransaction(card, sale);
        kafka.sendTransaction(card, purchase("T-2-" + member, card, "5.00", code));
        CouponUseRejected rejected = awaitEvent(member, CouponUseRejected.class, 1).get(0);
        assertEquals("ALREADY_USED", rejected.reason());
        assertEquals("T-2-" + member, rejected.transactionId());
        assertEquals(1, events(member, CouponUsed.class).size(), "used once, however often the sale is resent");
        assertEquals("T-1-" + member, coupon(member, code).get("transactionId").asText());

        // A partial return keeps the coupon used; once the returns add up to the whole order, it comes back.
        kafka.sendTransaction(card, refund("R-0-" + member, card, "2.00", "T-1-" + member));
        kafka.sendTransaction(card, refund("R-1-" + member, card, "10.00", "T-1-" + member));
        CouponReinstated reinstated = awaitEvent(member, CouponReinstated.class, 1).get(0);
        assertEquals("R-1-" + member, reinstated.returnTransactionId());
        assertEquals("ISSUED", coupon(member, code).get("status").asText());

        kafka.sendTransaction(card, purchase("T-3-" + member, card, "7.00", code));
        assertEquals("T-3-" + member, awaitEvent(member, CouponUsed.class, 2).get(1).transactionId());
        assertEquals(List.of(), kafka.records(Topics.TRANSACTIONS.deadLetterTopic(), Records.keyed(card)));
    }

    @Test
    void aCouponPastItsExpiryIsExpiredByTheJobPublishedAndRefusedAtTheTill() throws Exception {
        String member = rewards.enrolledMember(chain);
        String card = "card-" + member;
        // Debited 31 days ago: the coupon (valid 30 days) is issued already past its expiry.
        String code = couponOf(member, Instant.now().minus(Duration.ofDays(31)));

        CouponExpired expired = awaitEvent(member, CouponExpired.class, 1).get(0);
        assertEquals(code, expired.couponCode());
        assertEquals("free-coffee", expired.rewardId());
        assertEquals("EXPIRED", coupon(member, code).get("status").asText());

        kafka.sendTransaction(card, purchase("T-9-" + member, card, "3.00", code));
        assertEquals("EXPIRED", awaitEvent(member, CouponUseRejected.class, 1).get(0).reason());
        assertFalse(events(member, CouponUsed.class).iterator().hasNext());
    }

    @Test
    void anUnreadableTillRecordIsDeadLetteredOnceByTheServicesOneTillGroup() {
        assertEquals(1, listeners.stream().filter(listener -> listener.topics().contains(Topics.TRANSACTIONS)).count(),
                "one consumer group reads the till stream");
        String key = "card-" + UUID.randomUUID();
        kafka.sendTransaction(key, "{\"transactionId\":\"T-x\",\"chainId\":\"" + chain + "\"");
        kafka.sendTransaction(key, "{\"transactionId\":\"T-y\",\"chainId\":\"" + chain + "\"");
        // T-y follows T-x on their partition: once T-y is dead-lettered, T-x has been handled
        await().atMost(PATIENCE).until(() -> kafka.records(Topics.TRANSACTIONS.deadLetterTopic(), Records.keyed(key))
                .stream().anyMatch(deadLetter -> Records.text(deadLetter).contains("T-y")));
        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.records(Topics.TRANSACTIONS.deadLetterTopic(),
                Records.keyed(key));
        assertEquals(List.of("T-x", "T-y"), deadLetters.stream()
                .map(deadLetter -> Records.text(deadLetter).contains("T-x") ? "T-x" : "T-y").toList(),
                "each poison record dead-lettered once");
        assertEquals(List.of("rewards-service.till", "rewards-service.till"), deadLetters.stream()
                .map(deadLetter -> header(deadLetter, DeadLetterPublisher.CONSUMER_GROUP)).toList());
    }

    /**
     * A crash after the coupon policy handled a sale and before the punch cards and milestones did: the kit had not
     * marked it processed, so the sale comes again to all three; each handles it once.
     */
    @Test
    void aSaleRedeliveredAfterACrashBetweenTwoPoliciesIsHandledOncePerPolicy() throws Exception {
        String crashChain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(crashChain);
        assertEquals(201, ops.put("/chains/" + crashChain + "/punch-cards/second-coffee",
                "{\"rewardId\":\"free-coffee\",\"visits\":2,\"category\":\"coffee\"}").statusCode());
        assertEquals(201, ops.put("/chains/" + crashChain + "/spend-milestones/every-10",
                "{\"rewardId\":\"free-coffee\",\"every\":\"10.00\"}").statusCode());
        String member = rewards.enrolledMember(crashChain);
        String card = "card-" + member;
        String code = couponOf(crashChain, member, Instant.now());
        String sale = till(crashChain, "T-1-" + member, card, "PURCHASE", "12.00", null, code);

        // the coupon policy alone handles the sale, then the service crashes
        couponsAtTheTill.handle(List.of((PosTransaction) decoded(card, sale).payload()));
        awaitEvent(member, CouponUsed.class, 1);
        // the sale delivered again, to all three policies
        kafka.sendTransaction(card, sale);
        await().atMost(PATIENCE).until(() -> spentMinorUnits(member) == 1_200);
        assertEquals(List.of(1L, 0L), punchCard(member));
        // and once more, as after a crash between handling the batch and marking it processed
        tillListener().onBatch(List.of(decoded(card, sale)));
        assertEquals(1_200, spentMinorUnits(member));
        assertEquals(List.of(1L, 0L), punchCard(member));
        kafka.sendTransaction(card, sale); // resent by the till: the kit skips it

        kafka.sendTransaction(card, till(crashChain, "T-2-" + member, card, "PURCHASE", "1.00", null));
        await().atMost(PATIENCE).until(() -> spentMinorUnits(member) == 1_300);
        assertEquals(List.of(0L, 1L), punchCard(member), "two visits: one card completed");
        // the redeemed coupon, the completed card's and the first milestone's (12.00): each once
        await().atMost(PATIENCE).until(() -> events(member, CouponIssued.class).size() >= 3);
        assertEquals(List.of("milestone", "punch"), events(member, CouponIssued.class).stream()
                .map(CouponIssued::redemptionId).filter(id -> id.contains(":"))
                .map(id -> id.substring(0, id.indexOf(':'))).sorted().toList());
        assertEquals(1, events(member, CouponUsed.class).size(), "the coupon used once");
        assertEquals(List.of(), events(member, CouponUseRejected.class));
        assertEquals(List.of(), kafka.records(Topics.TRANSACTIONS.deadLetterTopic(), Records.keyed(card)));
    }

    private InboundMessage decoded(String key, String json) throws Exception {
        return tillListener().decoder().decode(new ConsumerRecord<>(Topics.TRANSACTIONS.name(), 0, 0L, key,
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private TopicListener tillListener() {
        return listeners.stream().filter(listener -> listener.topics().contains(Topics.TRANSACTIONS)).findFirst()
                .orElseThrow();
    }

    private long spentMinorUnits(String member) {
        JsonNode milestones = json(rewards.member(member).get("/members/" + member + "/spend-milestones"));
        return milestones.get(0).get("spentMinorUnits").asLong();
    }

    /** [stamps, completed] of the member's only punch card. */
    private List<Long> punchCard(String member) {
        JsonNode card = json(rewards.member(member).get("/members/" + member + "/punch-cards")).get(0);
        return List.of(card.get("stamps").asLong(), card.get("completed").asLong());
    }

    private String couponOf(String member, Instant debitedAt) throws Exception {
        return couponOf(chain, member, debitedAt);
    }

    private String couponOf(String chain, String member, Instant debitedAt) throws Exception {
        HttpProbe app = rewards.member(member);
        HttpResponse<String> accepted = app.post("/members/" + member + "/redemptions",
                "{\"rewardId\":\"free-coffee\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String redemptionId = json(accepted).get("redemptionId").asText();
        kafka.send(CloudEventRecord.of(new PointsRedeemed(redemptionId, member, chain, BigDecimal.valueOf(100), BigDecimal.valueOf(0), debitedAt))
                .withSource(POINTS));
        await().atMost(PATIENCE).until(() -> json(app.get("/redemptions/" + redemptionId)).has("couponCode"));
        return json(app.get("/redemptions/" + redemptionId)).get("couponCode").asText();
    }

    /** The coupon as a till of the chain checks it. */
    private JsonNode coupon(String member, String code) throws Exception {
        for (JsonNode coupon : json(service.as(TestTokens.pos(chain)).get("/members/" + member + "/coupons"))) {
            if (coupon.get("couponCode").asText().equals(code)) {
                return coupon;
            }
        }
        throw new AssertionError("no coupon " + code);
    }

    private <T extends IntegrationEvent> List<T> awaitEvent(String member, Class<T> type, int count) {
        await().atMost(PATIENCE).until(() -> events(member, type).size() >= count);
        return events(member, type);
    }

    private <T extends IntegrationEvent> List<T> events(String member, Class<T> type) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(type).equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, type)).toList();
    }

    private String purchase(String transactionId, String card, String total, String... codes) {
        return till(chain, transactionId, card, "PURCHASE", total, null, codes);
    }

    private String refund(String transactionId, String card, String total, String original) {
        return till(chain, transactionId, card, "RETURN", total, original);
    }

    private static String till(String chain, String transactionId, String card, String type, String total,
                               String original, String... codes) {
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"store-7","cardNumber":"%s","type":"%s",
                 "occurredAt":"%s","currency":"EUR","total":"%s",
                 "lines":[{"sku":"COF-250","category":"coffee","quantity":1,"unitPrice":"%s"}],
                 "couponCodes":[%s],"originalTransactionId":%s}"""
                .formatted(transactionId, chain, card, type, OffsetDateTime.now(ZoneOffset.ofHours(2)), total, total,
                        String.join(",", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()),
                        original == null ? "null" : "\"" + original + "\"").replace("\n", "");
    }

}
