package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * Spend milestones: defined by ops over HTTP, lifetime spend from till records on {@code retail.transactions.v1},
 * each milestone crossed rewarded once with a coupon, returns lowering the spend without taking a coupon back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpendMilestonesIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-spend-milestones-it");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void opsDefineAMilestoneInTheChainsCurrencyAuditedAndValidatedByField() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/spend-milestones/every-500";
        HttpResponse<String> created = ops.put(path, "{\"rewardId\":\"free-coffee\",\"every\":\"500.00\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, ops.put(path, "{\"rewardId\":\"free-coffee\",\"every\":500}").statusCode());
        assertEquals(0, json(ops.get(path)).get("every").decimalValue().compareTo(new BigDecimal("500")));
        assertEquals(404, ops.get("/chains/" + chain + "/spend-milestones/nothing").statusCode());

        HttpResponse<String> invalid = ops.put(path, "{\"rewardId\":\"yacht\",\"every\":\"10.005\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        List<String> fields = new ArrayList<>();
        json(invalid).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("rewardId", "every"), fields);
        assertEquals(403, service.as(TestTokens.ops("another-chain")).put(path,
                "{\"rewardId\":\"free-coffee\",\"every\":\"5\"}").statusCode());

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record ->
                actions.add(record.get("action").asText() + " " + record.get("target").asText()));
        assertEquals(List.of("spend-milestone.updated every-500"), actions);
    }

    @Test
    void everyHundredEurosOfLifetimeSpendEarnsACouponOncePerMilestone() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/spend-milestones/every-100",
                "{\"rewardId\":\"free-coffee\",\"every\":\"100.00\"}");
        assertEquals(201, created.statusCode(), created.body());
        String member = rewards.enrolledMember(chain);
        String card = "card-" + member;
        String witness = rewards.enrolledMember(chain); // their coupon shows the records before it were handled

        send(chain, purchase("T-1", card, "60.00"));
        send(chain, purchase("T-2", card, "40.00"));   // 100.00: the first milestone
        CouponIssued first = awaitCoupons(member, 1).get(0);
        assertEquals(0, first.pointsSpent());
        assertEquals("free-coffee", first.rewardId());
        NotificationRequested told = awaitNotification(member);
        assertEquals(new CouponIssuedParameters(first.couponCode(), "free-coffee", first.expiresAt()),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());

        // resent, returned (spend 60.00), bought again (100.00): the first milestone is not granted twice
        send(chain, purchase("T-2", card, "40.00"));
        send(chain, refund("R-2", card, "40.00", "T-2"));
        send(chain, refund("R-2", card, "40.00", "T-2"));
        send(chain, purchase("T-3", card, "40.00"));
        send(chain, purchase("W-1", "card-" + witness, "100.00"));
        awaitCoupons(witness, 1);
        assertEquals(1, events(member, CouponIssued.class).size(), "the first milestone once");

        send(chain, purchase("T-4", card, "99.99"));   // 199.99
        send(chain, purchase("W-2", "card-" + witness, "100.00"));
        awaitCoupons(witness, 2);
        assertEquals(1, events(member, CouponIssued.class).size(), "below the second milestone");

        send(chain, purchase("T-5", card, "200.01"));  // 400.00: the second, third and fourth
        List<CouponIssued> coupons = awaitCoupons(member, 4);
        assertEquals(4, coupons.stream().map(CouponIssued::couponCode).distinct().count());
        assertTrue(coupons.stream().allMatch(coupon -> coupon.redemptionId().startsWith("milestone:")));
        assertEquals(4, json(rewards.member(member).get("/members/" + member + "/coupons")).size());
    }

    @Test
    void thePartOfAnOrderPaidWithPointsIsNoSpend() {
        String chain = kafka.configureChain(new ChainConfigured("chain-" + UUID.randomUUID(), "EUR", "Europe/Athens",
                "en", null, null, new BigDecimal("0.01"), Instant.now()));
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/spend-milestones/every-100",
                "{\"rewardId\":\"free-coffee\",\"every\":\"100.00\"}");
        assertEquals(201, created.statusCode(), created.body());
        String member = rewards.enrolledMember(chain);
        String card = "card-" + member;
        String witness = rewards.enrolledMember(chain);

        // 120.00, of which 30.00 paid with 3,000 points: 90.00 of spend, below the milestone
        send(chain, purchase("T-1", card, "120.00").replace("\"couponCodes\":[]",
                "\"couponCodes\":[],\"pointsPayment\":{\"points\":3000,\"amount\":\"30.00\"}"));
        send(chain, purchase("W-1", "card-" + witness, "100.00"));
        awaitCoupons(witness, 1);
        assertEquals(0, events(member, CouponIssued.class).size(), "90.00 spent in money");

        send(chain, purchase("T-2", card, "10.00"));   // 100.00
        awaitCoupons(member, 1);
    }

    @Test
    void theMemberFollowsTheirSpendTowardsEachMilestoneAndAWithdrawnOneGrantsNothingMore() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/spend-milestones/every-100";
        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\",\"every\":\"100.00\"}").statusCode());
        assertEquals(201, ops.put("/chains/" + chain + "/spend-milestones/every-1000",
                "{\"rewardId\":\"free-coffee\",\"every\":\"1000.00\"}").statusCode());
        String member = rewards.enrolledMember(chain);
        String card = "card-" + member;
        String progress = "/members/" + member + "/spend-milestones";

        JsonNode none = json(rewards.member(member).get(progress));
        assertEquals(2, none.size(), none.toString());
        JsonNode first = none.get(0);
        assertEquals("every-100", first.get("milestoneId").asText());
        assertEquals("free-coffee", first.get("rewardId").asText());
        assertEquals("EUR", first.get("currency").asText());
        assertEquals(0, first.get("spentMinorUnits").asLong());
        assertEquals(0, first.get("granted").asLong());
        assertAmount("100.00", first.get("nextThreshold"));
        assertAmount("100.00", first.get("leftToNext"));

        send(chain, purchase("T-1", card, "60.00"));
        await().atMost(PATIENCE).until(() -> milestone(member, "every-100").get("spentMinorUnits").asLong() == 6_000);
        assertAmount("60.00", milestone(member, "every-100").get("spent"));
        assertAmount("40.00", milestone(member, "every-100").get("leftToNext"));
        send(chain, purchase("T-2", card, "50.00"));   // 110.00: the first milestone
        awaitCoupons(member, 1);
        await().atMost(PATIENCE).until(() -> milestone(member, "every-100").get("granted").asLong() == 1);
        JsonNode granted = milestone(member, "every-100");
        assertAmount("110.00", granted.get("spent"));
        assertAmount("200.00", granted.get("nextThreshold"));
        assertAmount("90.00", granted.get("leftToNext"));
        assertAmount("1000.00", milestone(member, "every-1000").get("leftToNext").decimalValue().add(
                milestone(member, "every-1000").get("spent").decimalValue()));

        // the member themself and ops of the chain; anyone else gets the unknown member's answer
        assertEquals(200, ops.get(progress).statusCode());
        String other = rewards.enrolledMember(chain);
        HttpResponse<String> stranger = rewards.member(other).get(progress);
        HttpResponse<String> unknown = rewards.member(other).get("/members/m-nobody/spend-milestones");
        HttpProbe.assertProblem(stranger, 404);
        assertEquals(json(unknown).get("title"), json(stranger).get("title"));
        HttpProbe.assertProblem(service.as(TestTokens.ops("another-chain")).get(progress), 404);

        // withdrawn: no longer listed nor granted; the other milestone still counts the spend
        HttpResponse<String> withdrawn = ops.delete(path);
        assertEquals(204, withdrawn.statusCode(), withdrawn.body());
        HttpProbe.assertProblem(ops.delete(path), 404);
        HttpProbe.assertProblem(ops.get(path), 404);
        assertEquals(403, service.as(TestTokens.ops("another-chain")).delete(path).statusCode());
        send(chain, purchase("T-3", card, "100.00"));  // 210.00: would be the second milestone
        await().atMost(PATIENCE).until(() -> milestone(member, "every-1000").get("spentMinorUnits").asLong()
                == 21_000);
        JsonNode listed = json(rewards.member(member).get(progress));
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(1, events(member, CouponIssued.class).size(), "a withdrawn milestone grants nothing more");

        // defined again with the same id, it goes on from the milestones it granted: the second is reached
        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\",\"every\":\"100.00\"}").statusCode());
        JsonNode again = milestone(member, "every-100");
        assertEquals(1, again.get("granted").asLong());
        assertAmount("0.00", again.get("leftToNext"));
        send(chain, purchase("T-4", card, "1.00"));
        awaitCoupons(member, 2);
        await().atMost(PATIENCE).until(() -> milestone(member, "every-100").get("granted").asLong() == 2);
        assertAmount("89.00", milestone(member, "every-100").get("leftToNext"));

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record -> {
            if (record.get("target").asText().equals("every-100")) {
                actions.add(record.get("action").asText());
            }
        });
        assertEquals(List.of("spend-milestone.updated", "spend-milestone.withdrawn", "spend-milestone.updated"),
                actions);
    }

    private JsonNode milestone(String member, String milestoneId) {
        for (JsonNode milestone : json(rewards.member(member).get("/members/" + member + "/spend-milestones"))) {
            if (milestone.get("milestoneId").asText().equals(milestoneId)) {
                return milestone;
            }
        }
        throw new AssertionError("no milestone " + milestoneId);
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
    }

    private List<CouponIssued> awaitCoupons(String member, int count) {
        await().atMost(PATIENCE).until(() -> events(member, CouponIssued.class).size() >= count);
        return events(member, CouponIssued.class);
    }

    private NotificationRequested awaitNotification(String member) {
        await().atMost(PATIENCE).until(() -> !kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member))
                .isEmpty());
        return Records.payload(kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member)).get(0),
                NotificationRequested.class);
    }

    private <T extends IntegrationEvent> List<T> events(String member, Class<T> type) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(type).equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, type)).toList();
    }

    private void send(String chainId, String template) {
        kafka.sendTransaction("key-" + chainId, template.replace("CHAIN", chainId));
    }

    private static String purchase(String transactionId, String card, String total) {
        return till(transactionId, card, "PURCHASE", total, null);
    }

    private static String refund(String transactionId, String card, String total, String original) {
        return till(transactionId, card, "RETURN", total, original);
    }

    private static String till(String transactionId, String card, String type, String total, String original) {
        return """
                {"transactionId":"%s","chainId":"CHAIN","storeId":"store-7","cardNumber":"%s","type":"%s",
                 "occurredAt":"%s","currency":"EUR","total":"%s",
                 "lines":[{"sku":"BAS-1","category":"basket","quantity":1,"unitPrice":"%s"}],
                 "couponCodes":[],"originalTransactionId":%s}"""
                .formatted(transactionId, card, type, OffsetDateTime.now(ZoneOffset.ofHours(2)), total, total,
                        original == null ? "null" : "\"" + original + "\"").replace("\n", "");
    }
}
