package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PunchCardCompletedParameters;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.contracts.rewards.CouponUsed;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Punch cards: defined by ops over HTTP, stamped by till records on {@code retail.transactions.v1}, a completed card
 * rewarded once with a coupon (published, announced, usable at the till), a whole-order return taking its stamp back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PunchCardsIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String chain = "chain-" + UUID.randomUUID();
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-punch-cards-it");
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
    void opsDefineAPunchCardOverTheApiAuditedAndValidatedByField() {
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/punch-cards/every-2nd-visit";
        HttpResponse<String> created = ops.put(path, "{\"rewardId\":\"free-coffee\",\"visits\":2}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(path, created.headers().firstValue("Location").orElseThrow());
        assertEquals(200, ops.put(path, "{\"rewardId\":\"free-coffee\",\"visits\":2}").statusCode());
        assertEquals(2, json(ops.get(path)).get("visits").asInt());
        assertEquals(404, ops.get("/chains/" + chain + "/punch-cards/nothing").statusCode());

        HttpResponse<String> invalid = ops.put(path, "{\"rewardId\":\"yacht\",\"visits\":1}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        List<String> fields = new ArrayList<>();
        json(invalid).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("rewardId", "visits"), fields);
        assertEquals(2, json(ops.get(path)).get("visits").asInt(), "an invalid definition changes nothing");
        assertEquals(403, service.as(TestTokens.ops("another-chain")).put(path,
                "{\"rewardId\":\"free-coffee\",\"visits\":2}").statusCode());

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record -> {
            if (record.get("target").asText().equals("every-2nd-visit")) {
                actions.add(record.get("action").asText() + " " + record.get("actor").asText());
            }
        });
        assertEquals(List.of("punch-card.updated ops-" + chain), actions, "an unchanged definition records nothing");
    }

    @Test
    void everyThirdCoffeeEarnsACouponOnceAndAWholeReturnTakesTheStampBack() {
        String chainId = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpResponse<String> created = rewards.ops(chainId).put("/chains/" + chainId + "/punch-cards/third-coffee",
                "{\"rewardId\":\"free-coffee\",\"visits\":3,\"category\":\"coffee\"}");
        assertEquals(201, created.statusCode(), created.body());
        String member = rewards.enrolledMember(chainId);
        String card = "card-" + member;
        String witness = rewards.enrolledMember(chainId); // their stamp shows the records before it were handled
        assertEquals(List.of(0L, 0L), progress(member));

        send(chainId, purchase("T-1", card, "coffee"));
        send(chainId, purchase("T-2", card, "bakery")); // not a coffee: no stamp
        send(chainId, purchase("T-3", card, "coffee"));
        awaitProgress(member, 2, 0);
        send(chainId, refund("R-3a", card, "1.00", "T-3"));   // part of the order: the stamp stays
        send(chainId, purchase("W-1", "card-" + witness, "coffee"));
        awaitProgress(witness, 1, 0);
        assertEquals(List.of(2L, 0L), progress(member));
        send(chainId, refund("R-3b", card, "1.50", "T-3"));   // now the whole order: the stamp goes
        awaitProgress(member, 1, 0);

        send(chainId, purchase("T-4", card, "coffee"));
        send(chainId, purchase("T-5", card, "coffee"));      // the third coffee: the card is complete
        CouponIssued coupon = awaitCoupons(member, 1).get(0);
        assertEquals(0, coupon.pointsSpent());
        assertEquals("free-coffee", coupon.rewardId());
        awaitProgress(member, 0, 1);
        NotificationRequested told = awaitNotification(member);
        assertEquals(new PunchCardCompletedParameters(coupon.couponCode(), "free-coffee", "third-coffee", 3,
                coupon.expiresAt()), NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
        JsonNode listed = json(rewards.member(member).get("/members/" + member + "/coupons")).get(0);
        assertEquals(coupon.couponCode(), listed.get("couponCode").asText());
        assertEquals("ISSUED", listed.get("status").asText());

        // The completing sale resent, then returned whole after its card was rewarded: the coupon stays, the card
        // owes the stamp, so the next coffee refills it without a second coupon.
        send(chainId, purchase("T-5", card, "coffee"));
        send(chainId, refund("R-5", card, "2.50", "T-5"));
        send(chainId, purchase("T-6", card, "coffee"));
        send(chainId, purchase("T-7", card, "coffee"));
        awaitProgress(member, 1, 1);
        assertEquals(1, events(member, CouponIssued.class).size(), "one coupon for the first card");

        send(chainId, purchase("T-8", card, "coffee"));
        send(chainId, purchase("T-9", card, "coffee"));
        assertEquals(2, awaitCoupons(member, 2).size());
        awaitProgress(member, 0, 2);

        // The coupon is used at the till like a redeemed one.
        send(chainId, purchase("T-10", card, "bakery", coupon.couponCode()));
        await().atMost(PATIENCE).until(() -> events(member, CouponUsed.class).size() == 1);
        assertEquals("T-10", events(member, CouponUsed.class).get(0).transactionId());
    }

    @Test
    void aWithdrawnPunchCardStampsNothingMoreItsCouponStaysValidAndDefinedAgainItGoesOnWhereItStood() {
        String chainId = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chainId);
        String path = "/chains/" + chainId + "/punch-cards/second-coffee";
        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\",\"visits\":2,\"category\":\"coffee\"}")
                .statusCode());
        // a second card, for bread: its stamps show that the records before them were handled
        assertEquals(201, ops.put("/chains/" + chainId + "/punch-cards/second-bread",
                "{\"rewardId\":\"free-coffee\",\"visits\":2,\"category\":\"bakery\"}").statusCode());
        String member = rewards.enrolledMember(chainId);
        String card = "card-" + member;
        send(chainId, purchase("T-1", card, "coffee"));
        send(chainId, purchase("T-2", card, "coffee"));
        CouponIssued coupon = awaitCoupons(member, 1).get(0);
        send(chainId, purchase("T-3", card, "coffee"));
        await().atMost(PATIENCE).until(() -> cards(member).equals(Map.of("second-bread", List.of(0L, 0L),
                "second-coffee", List.of(1L, 1L))));

        HttpResponse<String> withdrawn = ops.delete(path);
        assertEquals(204, withdrawn.statusCode(), withdrawn.body());
        HttpProbe.assertProblem(ops.delete(path), 404);
        HttpProbe.assertProblem(ops.get(path), 404);
        assertEquals(403, service.as(TestTokens.ops("another-chain")).delete("/chains/" + chainId
                + "/punch-cards/second-bread").statusCode());
        assertEquals(Map.of("second-bread", List.of(0L, 0L)), cards(member), "progress on it is no longer listed");

        send(chainId, purchase("T-4", card, "coffee"));   // would complete the second card: no stamp now
        send(chainId, purchase("T-5", card, "bakery"));
        await().atMost(PATIENCE).until(() -> cards(member).equals(Map.of("second-bread", List.of(1L, 0L))));
        assertEquals(1, events(member, CouponIssued.class).size(), "a withdrawn card grants nothing more");

        // its coupon stays valid: used at the till
        send(chainId, purchase("T-6", card, "toys", coupon.couponCode()));
        await().atMost(PATIENCE).until(() -> events(member, CouponUsed.class).size() == 1);

        // defined again with the same id: the member's progress goes on where it stood, the visit meanwhile uncounted
        HttpResponse<String> again = ops.put(path, "{\"rewardId\":\"free-coffee\",\"visits\":2,"
                + "\"category\":\"coffee\"}");
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(List.of(1L, 1L), cards(member).get("second-coffee"));
        send(chainId, purchase("T-7", card, "coffee"));
        List<CouponIssued> coupons = awaitCoupons(member, 2);
        assertTrue(coupons.get(1).redemptionId().endsWith(":second-coffee:2"), coupons.get(1).redemptionId());

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chainId)).get("records").forEach(record -> {
            if (record.get("target").asText().equals("second-coffee")) {
                actions.add(record.get("action").asText());
            }
        });
        assertEquals(List.of("punch-card.updated", "punch-card.withdrawn", "punch-card.updated"), actions);
    }

    /** Punch card id → [stamps on the current card, completed cards], as the member sees them. */
    private Map<String, List<Long>> cards(String member) {
        Map<String, List<Long>> cards = new java.util.TreeMap<>();
        json(rewards.member(member).get("/members/" + member + "/punch-cards")).forEach(card -> cards.put(
                card.get("punchCardId").asText(), List.of(card.get("stamps").asLong(), card.get("completed").asLong())));
        return cards;
    }

    @Test
    void progressIsSeenByTheMemberAndOpsOfTheChainOnlyOthersGetTheUnknownMembersAnswer() {
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        String path = "/members/" + member + "/punch-cards";
        assertEquals(200, rewards.member(member).get(path).statusCode());
        assertEquals(200, rewards.ops(chain).get(path).statusCode());
        HttpResponse<String> stranger = rewards.member(other).get(path);
        HttpResponse<String> unknown = rewards.member(other).get("/members/m-nobody/punch-cards");
        assertEquals(404, stranger.statusCode());
        assertEquals(json(unknown).get("title"), json(stranger).get("title"));
        assertEquals(404, service.as(TestTokens.ops("another-chain")).get(path).statusCode());
    }

    /** [stamps on the current card, completed cards] of the chain's only punch card; none yet: zeros. */
    private List<Long> progress(String member) {
        JsonNode cards = json(rewards.member(member).get("/members/" + member + "/punch-cards"));
        assertEquals(1, cards.size(), cards.toString());
        return List.of(cards.get(0).get("stamps").asLong(), cards.get(0).get("completed").asLong());
    }

    private void awaitProgress(String member, long stamps, long completed) {
        await().atMost(PATIENCE).until(() -> progress(member).equals(List.of(stamps, completed)));
    }

    private List<CouponIssued> awaitCoupons(String member, int count) {
        await().atMost(PATIENCE).until(() -> events(member, CouponIssued.class).size() >= count);
        return events(member, CouponIssued.class);
    }

    private NotificationRequested awaitNotification(String member) {
        await().atMost(PATIENCE).until(() -> !kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member))
                .isEmpty());
        NotificationRequested told = Records.payload(kafka.records(Topics.NOTIFICATIONS.name(),
                Records.keyed(member)).get(0), NotificationRequested.class);
        assertTrue(told.notificationId().startsWith("coupon:"), told.notificationId());
        return told;
    }

    private <T extends IntegrationEvent> List<T> events(String member, Class<T> type) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(type).equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, type)).toList();
    }

    private void send(String chainId, String template) {
        kafka.sendTransaction("key-" + chainId, template.replace("CHAIN", chainId));
    }

    private static String purchase(String transactionId, String card, String category, String... codes) {
        return till(transactionId, card, "PURCHASE", "2.50", category, null, codes);
    }

    private static String refund(String transactionId, String card, String total, String original) {
        return till(transactionId, card, "RETURN", total, "coffee", original);
    }

    private static String till(String transactionId, String card, String type, String total, String category,
                               String original, String... codes) {
        return """
                {"transactionId":"%s","chainId":"CHAIN","storeId":"store-7","cardNumber":"%s","type":"%s",
                 "occurredAt":"%s","currency":"EUR","total":"%s",
                 "lines":[{"sku":"%s-1","category":"%s","quantity":1,"unitPrice":"%s"}],
                 "couponCodes":[%s],"originalTransactionId":%s}"""
                .formatted(transactionId, card, type, OffsetDateTime.now(ZoneOffset.ofHours(2)), total, category,
                        category, total, String.join(",", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"")
                                .toList()), original == null ? "null" : "\"" + original + "\"").replace("\n", "");
    }
}
