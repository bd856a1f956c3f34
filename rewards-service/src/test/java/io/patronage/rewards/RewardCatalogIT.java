package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.contracts.points.TierChanged;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog managed over HTTP, and what it lets members redeem; the test plays enrollment- and points-service. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewardCatalogIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private String chain;
    private final String yenChain = "chain-jp-" + UUID.randomUUID();
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    private final Map<String, String> properties = TestInfrastructure.serviceProperties("rewards-catalog-it");

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    /** Each test its own chain, so that the catalogs of the tests stay apart. */
    @BeforeEach
    void configureChain() {
        chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
    }

    @BeforeAll
    void configureYenChain() {
        kafka.configureChain(new ChainConfigured(yenChain, "JPY", "Asia/Tokyo", "ja", null, Instant.now()));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aChainCreatesUpdatesAndWithdrawsARewardEachChangeANewVersion() throws Exception {
        HttpResponse<String> created = ops().put("/chains/" + chain + "/rewards/winter-mug", mug(250, 10));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/chains/" + chain + "/rewards/winter-mug", created.headers().firstValue("location").orElseThrow());
        JsonNode mug = json(created);
        assertEquals(1, mug.get("version").asLong());
        assertEquals("ACTIVE", mug.get("status").asText());
        assertEquals(chain, mug.get("chainId").asText());
        assertEquals("Χειμερινή κούπα", mug.get("name").get("el-GR").asText());
        assertEquals("AMOUNT_OFF", mug.get("coupon").get("kind").asText());
        assertEquals("2.50", mug.get("coupon").get("amountOff").asText());
        assertEquals("2026-12-01T00:00:00", mug.get("availableFrom").asText());

        HttpResponse<String> again = ops().put("/chains/" + chain + "/rewards/winter-mug", mug(250, 10));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, json(again).get("version").asLong(), "the same definition again is no new version");

        JsonNode dearer = json(ops().put("/chains/" + chain + "/rewards/winter-mug", mug(300, 10)));
        assertEquals(2, dearer.get("version").asLong());
        assertEquals(300, json(ops().get("/chains/" + chain + "/rewards/winter-mug")).get("pointsCost").asLong());
        assertEquals(250, json(ops().get("/chains/" + chain + "/rewards/winter-mug/versions/1")).get("pointsCost")
                .asLong(), "earlier versions are kept");

        List<String> offered = ids(json(ops().get("/rewards?chainId=" + chain)));
        assertEquals(List.of("free-coffee", "tote-bag", "winter-mug"), offered, "the configured rewards, then the chain's");
        String otherChain = "other-" + UUID.randomUUID();
        assertFalse(ids(json(rewards.ops(otherChain).get("/rewards?chainId=" + otherChain))).contains("winter-mug"),
                "another chain does not offer it");

        HttpResponse<String> withdrawn = ops().delete("/chains/" + chain + "/rewards/winter-mug");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("WITHDRAWN", json(withdrawn).get("status").asText());
        assertEquals(3, json(withdrawn).get("version").asLong());
        assertEquals(List.of("free-coffee", "tote-bag"), ids(json(ops().get("/rewards?chainId=" + chain))));
        String member = rewards.enrolledMember(chain);
        assertProblem(app(member).post("/members/" + member + "/redemptions", "{\"rewardId\":\"winter-mug\"}"), 404);

        // A chain can withdraw a configured reward for itself only.
        assertEquals(200, ops().delete("/chains/" + chain + "/rewards/tote-bag").statusCode());
        assertEquals(List.of("free-coffee"), ids(json(ops().get("/rewards?chainId=" + chain))));
        assertTrue(ids(json(rewards.ops(yenChain).get("/rewards?chainId=" + yenChain))).contains("tote-bag"));
        assertProblem(ops().delete("/chains/" + chain + "/rewards/yacht"), 404);
    }

    @Test
    void theCatalogSurvivesARestartAndTheSeedIsNoNewVersion() {
        assertEquals(201, ops().put("/chains/" + chain + "/rewards/winter-mug", mug(250, 10)).statusCode());
        assertEquals(2, json(ops().put("/chains/" + chain + "/rewards/winter-mug", mug(275, 10))).get("version")
                .asLong());
        long seedVersion = json(ops().get("/chains/" + chain + "/rewards/free-coffee")).get("version").asLong();

        // Another instance started on the same database, as after a restart, seeding the same configuration again.
        Map<String, Object> restarted = new HashMap<>(properties);
        restarted.put("micronaut.application.name", "rewards-restarted-" + UUID.randomUUID());
        try (ApplicationContext context = ApplicationContext.run(restarted)) {
            EmbeddedServer second = context.getBean(EmbeddedServer.class).start();
            HttpProbe restartedService = new HttpProbe(second::getPort).as(TestTokens.ops(chain));
            JsonNode mug = json(restartedService.get("/chains/" + chain + "/rewards/winter-mug"));
            assertEquals(2, mug.get("version").asLong());
            assertEquals(275, mug.get("pointsCost").asLong());
            assertEquals(250, json(restartedService.get("/chains/" + chain + "/rewards/winter-mug/versions/1"))
                    .get("pointsCost").asLong());
            assertEquals(List.of("free-coffee", "tote-bag", "winter-mug"),
                    ids(json(restartedService.get("/rewards?chainId=" + chain))));
            assertEquals(seedVersion, json(restartedService.get("/chains/" + chain + "/rewards/free-coffee"))
                    .get("version").asLong(), "an unchanged configured reward is no new version");
        }
    }

    @Test
    void anInvalidDefinitionIsAProblemNamingItsFields() throws Exception {
        HttpResponse<String> yen = rewards.ops(yenChain).put("/chains/" + yenChain + "/rewards/mug", mug(250, 10));
        JsonNode problem = assertProblem(yen, 400, "urn:patronage:problem:invalid-request");
        assertEquals(List.of("coupon.amountOff"), fields(problem), "the yen has no minor unit: 2.50 cannot be");

        JsonNode many = assertProblem(ops().put("/chains/" + chain + "/rewards/bad%20id",
                "{\"name\":{},\"pointsCost\":-5,\"couponValidityDays\":30,"
                        + "\"coupon\":{\"kind\":\"PERCENT_OFF\",\"percentOff\":150},"
                        + "\"perMemberLimit\":{\"count\":1}}"), 400);
        assertEquals(List.of("rewardId", "name", "pointsCost", "coupon.percentOff", "perMemberLimit.period"),
                fields(many));

        JsonNode kind = assertProblem(ops().put("/chains/" + chain + "/rewards/mug",
                "{\"name\":{\"en\":\"Mug\"},\"pointsCost\":5,\"couponValidityDays\":30,\"coupon\":{\"kind\":\"GRATIS\"}}"),
                400);
        assertTrue(kind.toString().contains("PERCENT_OFF"), "the allowed values are named: " + kind);

        assertProblem(rewards.ops("*").put("/chains/nowhere-" + UUID.randomUUID() + "/rewards/mug", mug(250, 10)), 404,
                "urn:patronage:problem:unknown-chain");
    }

    @Test
    void aCouponCanBeValidForMinutes() throws Exception {
        putOk("flash-coffee", """
                {"name":{"en":"Flash coffee"},"pointsCost":10,"couponValidity":"PT3M",
                 "coupon":{"kind":"FREE_PRODUCT","sku":"COFFEE-1"}}""");
        JsonNode stored = json(ops().get("/chains/" + chain + "/rewards/flash-coffee"));
        assertEquals("PT3M", stored.get("couponValidity").asText(), stored.toString());
        assertFalse(stored.has("couponValidityDays"), "three minutes are no whole days: " + stored);

        String member = rewards.enrolledMember(chain);
        String redemptionId = rewards.redeem(member, "flash-coffee");
        kafka.send(CloudEventRecord.of(new PointsRedeemed(redemptionId, member, chain, BigDecimal.valueOf(10), BigDecimal.valueOf(90), Instant.now()))
                .withSource(POINTS));
        JsonNode completed = rewards.awaitStatus(redemptionId, "COMPLETED");
        assertEquals(Duration.ofMinutes(3), Duration.between(Instant.parse(completed.get("completedAt").asText()),
                Instant.parse(completed.get("couponExpiresAt").asText())), completed.toString());
    }

    @Test
    void stockIsReservedAtTheRequestAndGivenBackWhenTheDebitIsRefused() throws Exception {
        putOk("limited-mug", """
                {"name":{"en":"Limited mug"},"pointsCost":50,"couponValidityDays":30,"stock":2,
                 "coupon":{"kind":"FREE_PRODUCT","sku":"MUG-1"}}""");
        String first = rewards.enrolledMember(chain);
        String second = rewards.enrolledMember(chain);
        String third = rewards.enrolledMember(chain);
        withBalance(third, 1_000);

        String firstRedemption = rewards.redeem(first, "limited-mug");
        rewards.redeem(second, "limited-mug");
        assertProblem(app(third).post("/members/" + third + "/redemptions", "{\"rewardId\":\"limited-mug\"}"), 409,
                "urn:patronage:problem:out-of-stock");
        assertEquals(List.of("OUT_OF_STOCK"), reasons(third, "limited-mug"));

        kafka.send(CloudEventRecord.of(new PointsRedemptionRejected(firstRedemption, first, chain, BigDecimal.valueOf(50), BigDecimal.valueOf(0),
                "INSUFFICIENT_POINTS", "50 points needed, 0 available", Instant.now())).withSource(POINTS));
        await().atMost(PATIENCE).until(() -> reasons(third, "limited-mug").isEmpty());
        rewards.redeem(third, "limited-mug");
        assertEquals(List.of("OUT_OF_STOCK"), reasons(third, "limited-mug"));
    }

    @Test
    void firstXTierWindowAndPerMemberLimitAreCheckedAndExplained() throws Exception {
        putOk("first-two", """
                {"name":{"en":"For the first two"},"pointsCost":10,"couponValidityDays":7,"firstX":2,"stock":100}""");
        putOk("gold-lounge", """
                {"name":{"en":"Lounge"},"pointsCost":10,"couponValidityDays":7,"tiers":["GOLD","PLATINUM"]}""");
        LocalDateTime tomorrow = LocalDateTime.now(ATHENS).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        putOk("tomorrow-only", """
                {"name":{"en":"Tomorrow"},"pointsCost":10,"couponValidityDays":7,"availableFrom":"%s","availableUntil":"%s"}"""
                .formatted(tomorrow, tomorrow.plusDays(1)));
        putOk("once-a-day", """
                {"name":{"en":"Daily"},"pointsCost":10,"couponValidityDays":7,"perMemberLimit":{"count":1,"period":"DAY"}}""");
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        withBalance(member, 5);

        assertEquals(List.of("TIER", "INSUFFICIENT_POINTS"), reasons(member, "gold-lounge"));
        assertEquals(List.of("NOT_YET_AVAILABLE", "INSUFFICIENT_POINTS"), reasons(member, "tomorrow-only"));
        withBalance(member, 1_000);
        assertEquals(List.of(), reasons(member, "first-two"));
        JsonNode offer = offer(member, "first-two");
        assertTrue(offer.get("redeemable").asBoolean());
        assertEquals(100, offer.get("stock").asLong(), "the reward's own fields come with the answer");

        assertProblem(app(member).post("/members/" + member + "/redemptions", "{\"rewardId\":\"gold-lounge\"}"), 409,
                "urn:patronage:problem:tier");
        kafka.send(CloudEventRecord.of(new TierChanged(member, chain, "SILVER", "GOLD", "UPGRADE", Instant.now()))
                .withSource(POINTS));
        await().atMost(PATIENCE).until(() -> reasons(member, "gold-lounge").isEmpty());
        rewards.redeem(member, "gold-lounge");

        assertProblem(app(member).post("/members/" + member + "/redemptions", "{\"rewardId\":\"tomorrow-only\"}"), 409,
                "urn:patronage:problem:not-yet-available");

        rewards.redeem(member, "once-a-day");
        assertProblem(app(member).post("/members/" + member + "/redemptions", "{\"rewardId\":\"once-a-day\"}"), 409,
                "urn:patronage:problem:limit-reached");
        assertEquals(List.of("LIMIT_REACHED"), reasons(member, "once-a-day"));
        rewards.redeem(other, "once-a-day");

        rewards.redeem(member, "first-two");
        rewards.redeem(other, "first-two");
        assertProblem(app(member).post("/members/" + member + "/redemptions", "{\"rewardId\":\"first-two\"}"), 409,
                "urn:patronage:problem:first-x-reached");

        assertProblem(ops().get("/rewards?memberId=nobody-" + UUID.randomUUID()), 404);
        JsonNode wrongChain = assertProblem(app(member).get("/rewards?memberId=" + member + "&chainId=" + yenChain),
                400);
        assertEquals(List.of("chainId"), fields(wrongChain));
    }

    @Test
    void theRewardsComeAPageAtATimeEachPageNamingTheNext() throws Exception {
        for (String rewardId : List.of("mug-a", "mug-b", "mug-c")) {
            putOk(rewardId, mug(250, 10));
        }
        String member = rewards.enrolledMember(chain);
        List<String> all = ids(json(ops().get("/rewards?chainId=" + chain)));
        assertEquals(List.of("free-coffee", "tote-bag", "mug-a", "mug-b", "mug-c"), all);

        assertEquals(all, collectPages(ops(), "/rewards?chainId=" + chain + "&limit=2", 3));
        assertEquals(all, collectPages(app(member), "/rewards?memberId=" + member + "&limit=3", 2));
        for (String limit : List.of("0", "1001")) {
            JsonNode problem = assertProblem(ops().get("/rewards?chainId=" + chain + "&limit=" + limit), 400);
            assertEquals(List.of("limit"), fields(problem));
        }
        assertEquals(List.of("after"), fields(assertProblem(ops().get("/rewards?chainId=" + chain + "&after=nope"), 400)));
    }

    /** Follows the Link headers from {@code path} on, asserting how many pages there are; the ids of every page. */
    private static List<String> collectPages(HttpProbe caller, String path, int pages) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = path;
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> response = caller.get(next);
            assertEquals(200, response.statusCode(), response.body());
            ids.addAll(ids(json(response)));
            String link = response.headers().firstValue("link").orElse(null);
            assertEquals(page < pages, link != null, "page " + page + " of " + pages + ": " + link);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return ids;
    }

    /** The service as ops of this test's chain call it. */
    private HttpProbe ops() {
        return rewards.ops(chain);
    }

    /** The service as the member's app calls it. */
    private HttpProbe app(String member) {
        return rewards.member(member);
    }

    private void putOk(String rewardId, String json) {
        HttpResponse<String> response = ops().put("/chains/" + chain + "/rewards/" + rewardId, json);
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
    }

    private static String mug(long cost, long stock) {
        return """
                {"name":{"en":"Winter mug","el-GR":"Χειμερινή κούπα"},"description":{"en":"A mug for the winter."},
                 "pointsCost":%d,"couponValidityDays":30,"stock":%d,
                 "coupon":{"kind":"AMOUNT_OFF","amountOff":"2.50"},
                 "availableFrom":"2026-12-01T00:00:00","availableUntil":"2099-01-01T00:00:00",
                 "tiers":[],"perMemberLimit":{"count":2,"period":"MONTH"}}""".formatted(cost, stock);
    }

    private JsonNode offer(String member, String rewardId) throws Exception {
        for (JsonNode offer : json(app(member).get("/rewards?memberId=" + member))) {
            if (offer.get("id").asText().equals(rewardId)) {
                return offer;
            }
        }
        throw new AssertionError("no offer of " + rewardId);
    }

    private List<String> reasons(String member, String rewardId) throws Exception {
        JsonNode offer = offer(member, rewardId);
        List<String> reasons = new ArrayList<>();
        if (offer.has("reasons")) { // an empty list is left out, like every field without a value
            offer.get("reasons").forEach(reason -> reasons.add(reason.asText()));
        }
        assertEquals(reasons.isEmpty(), offer.get("redeemable").asBoolean());
        return reasons;
    }

    private void withBalance(String member, long balance) {
        BigDecimal points = BigDecimal.valueOf(balance);
        kafka.send(CloudEventRecord.of(new PointsAdjusted(member, chain, UUID.randomUUID().toString(), points,
                "test", "ops", points, Instant.now())).withSource(POINTS));
        await().atMost(PATIENCE).until(() -> !reasons(member, "free-coffee").contains("INSUFFICIENT_POINTS")
                == (balance >= 100));
    }

    private static List<String> ids(JsonNode rewards) {
        List<String> ids = new ArrayList<>();
        rewards.forEach(reward -> ids.add(reward.get("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
