package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.ReadmeContract;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rewards-service on the embedded Kafka and MongoDB; the test plays enrollment- and points-service. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewardsServiceIT implements TestPropertyProvider {

    @Inject
    List<TopicListener> listeners;

    @Test
    void readmeDocumentsEveryTopicTheServiceConsumesAndPublishes() throws Exception {
        ReadmeContract.assertDocumentsTopics("rewards-service", listeners.stream().flatMap(listener -> listener.topics().stream()).toList());
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";

    private final String chain = "chain-" + UUID.randomUUID();
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-it");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aMemberGetsACouponForACoffeeAndIsRefusedTheToteBagForTooFewPoints() throws Exception {
        String member = rewards.enrolledMember(chain);

        HttpProbe app = rewards.member(member);
        HttpResponse<String> accepted = app.post("/members/" + member + "/redemptions", "{\"rewardId\":\"free-coffee\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String coffee = json(accepted).get("redemptionId").asText();
        assertEquals("PENDING", json(accepted).get("status").asText());
        assertEquals("/redemptions/" + coffee, accepted.headers().firstValue("location").orElseThrow());
        assertEquals("PENDING", json(app.get("/redemptions/" + coffee)).get("status").asText(), "visible at once");

        PointsDebitRequested request = debitRequest(member, coffee);
        assertEquals(new PointsDebitRequested(coffee, member, chain, BigDecimal.valueOf(100), "reward:free-coffee", request.requestedAt()),
                request);
        PointsRedeemed redeemed = new PointsRedeemed(coffee, member, chain, BigDecimal.valueOf(100), BigDecimal.valueOf(20), Instant.now());
        String answerId = UUID.randomUUID().toString();
        kafka.send(CloudEventRecord.of(redeemed).withId(answerId).withSource(POINTS));
        kafka.send(CloudEventRecord.of(redeemed).withId(answerId).withSource(POINTS));

        JsonNode completed = rewards.awaitStatus(coffee, "COMPLETED");
        String couponCode = completed.get("couponCode").asText();
        assertTrue(couponCode.matches("[23456789BCDFGHJKMNPQRSTVWXYZ]{10}"), couponCode);
        assertEquals(member, completed.get("memberId").asText());
        assertEquals("free-coffee", completed.get("rewardId").asText());
        assertEquals(100, completed.get("points").asLong());
        assertNotNull(completed.get("completedAt"));
        assertFalse(completed.has("deadline"), "only a pending redemption has a deadline");

        // Too few points left for the tote bag: points-service refuses the debit.
        String toteBag = json(app.post("/members/" + member + "/redemptions", "{\"rewardId\":\"tote-bag\"}"))
                .get("redemptionId").asText();
        assertEquals(BigDecimal.valueOf(500), debitRequest(member, toteBag).points());
        kafka.send(CloudEventRecord.of(new PointsRedemptionRejected(toteBag, member, chain, BigDecimal.valueOf(500), BigDecimal.valueOf(20),
                "INSUFFICIENT_POINTS", "500 points needed, 20 available", Instant.now())).withSource(POINTS));

        JsonNode rejected = rewards.awaitStatus(toteBag, "REJECTED");
        assertEquals("INSUFFICIENT_POINTS", rejected.get("reason").asText());
        assertEquals("500 points needed, 20 available", rejected.get("detail").asText());
        assertFalse(rejected.has("couponCode"));
        assertFalse(rejected.has("deadline"));

        // The rejection came after the repeated PointsRedeemed on the member's partition, so both are handled:
        // the repeat was accepted as a no-op, neither dead-lettered nor turned into a second coupon.
        assertEquals(List.of(), kafka.records(Topics.POINTS.deadLetterTopic(), Records.keyed(member)).stream()
                .map(Records::deadLetterReason).toList());
        JsonNode coupons = json(app.get("/members/" + member + "/coupons"));
        assertEquals(1, coupons.size(), coupons.toString());
        JsonNode coupon = coupons.get(0);
        assertEquals(couponCode, coupon.get("couponCode").asText());
        assertEquals(coffee, coupon.get("redemptionId").asText());
        assertEquals("free-coffee", coupon.get("rewardId").asText());
        assertEquals("ISSUED", coupon.get("status").asText());
        assertEquals(Duration.ofDays(30), Duration.between(Instant.parse(coupon.get("issuedAt").asText()),
                Instant.parse(coupon.get("expiresAt").asText())));

        List<ConsumerRecord<String, byte[]>> published = kafka.records(Topics.REWARDS.name(), Records.keyed(member));
        assertEquals(1, published.size(), "one CouponIssued, however often points were confirmed");
        assertEquals(IntegrationEvent.typeOf(CouponIssued.class), header(published.get(0), CloudEventHeaders.TYPE));
        assertNotNull(header(published.get(0), CloudEventHeaders.ID));
        CouponIssued issued = Records.payload(published.get(0), CouponIssued.class);
        assertEquals(couponCode, issued.couponCode());
        assertEquals(coffee, issued.redemptionId());
        assertEquals(chain, issued.chainId());
        assertEquals(100, issued.pointsSpent());

        List<ConsumerRecord<String, byte[]>> notifications = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member)), records -> !records.isEmpty());
        assertEquals(1, notifications.size(), "the member is told once");
        NotificationRequested told = Records.payload(notifications.get(0), NotificationRequested.class);
        assertEquals("COUPON_ISSUED", told.kind());
        assertEquals(couponCode, told.parameters().get("couponCode"));
        assertEquals(new CouponIssuedParameters(couponCode, issued.rewardId(), issued.expiresAt()),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow(), "a complete record");
        assertFalse(told.marketing());
    }

    @Test
    void unknownMembersRewardsAndRedemptionsAndMalformedRequestsAreProblems() throws Exception {
        String member = rewards.enrolledMember(chain);

        HttpProbe ops = rewards.ops(chain);
        HttpProbe app = rewards.member(member);
        assertProblem(ops.post("/members/nobody-" + UUID.randomUUID() + "/redemptions",
                "{\"rewardId\":\"free-coffee\"}"), 404);
        assertProblem(app.post("/members/" + member + "/redemptions", "{\"rewardId\":\"yacht\"}"), 404);
        assertProblem(app.post("/members/" + member + "/redemptions", "{\"rewardId\":"), 400);
        HttpResponse<String> missingReward = app.post("/members/" + member + "/redemptions", "{}");
        assertProblem(missingReward, 400);
        assertEquals("rewardId", json(missingReward).get("errors").get(0).get("field").asText());
        assertProblem(ops.get("/redemptions/" + UUID.randomUUID()), 404);
        assertProblem(ops.get("/members/nobody-" + UUID.randomUUID() + "/coupons"), 404);
    }

    @Test
    void aMemberWhoLeftTheProgramRedeemsNothing() {
        String member = rewards.enrolledMember(chain);
        kafka.send(CloudEventRecord.of(new MemberOptedOut(member, chain, Instant.now()))
                .withSource("/patronage/enrollment-service"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> refused = rewards.member(member).post("/members/" + member + "/redemptions",
                    "{\"rewardId\":\"free-coffee\"}");
            assertProblem(refused, 409);
            assertEquals("urn:patronage:problem:membership-ended", json(refused).get("type").asText());
        });
        JsonNode coffee = null;
        for (JsonNode offer : json(rewards.member(member).get("/rewards?memberId=" + member))) {
            coffee = offer.get("id").asText().equals("free-coffee") ? offer : coffee;
        }
        assertNotNull(coffee);
        assertFalse(coffee.get("redeemable").asBoolean(), "the member's offers say so too: " + coffee);
        assertEquals("MEMBERSHIP_ENDED", coffee.get("reasons").get(0).asText());
    }

    /** Micronaut's instantiator once took a bare scalar for the whole object and failed with a 500. */
    @Test
    void aBodyThatIsNotAnObjectIsABadRequestNotAServerError() {
        String member = rewards.enrolledMember(chain);

        for (String body : List.of("true", "0", "-1e400", "[]", "[1]", "[true]")) {
            HttpResponse<String> redemption = rewards.member(member).post("/members/" + member + "/redemptions", body);
            HttpResponse<String> reward = rewards.ops(chain).put("/chains/" + chain + "/rewards/mug", body);

            assertProblem(redemption, 400);
            assertProblem(reward, 400);
            for (HttpResponse<String> response : List.of(redemption, reward)) {
                assertFalse(response.body().contains("java") || response.body().contains("Exception"), response.body());
            }
        }
        assertProblem(rewards.ops(chain).put("/chains/" + chain + "/rewards/mug", "\"mug\""), 400);
        assertProblem(rewards.ops(chain).put("/chains/" + chain + "/rewards/mug", "{\"coupon\":5}"), 400);
        assertProblem(rewards.member(member).post("/members/" + member + "/redemptions",
                "{\"rewardId\":{\"$gt\":\"\"}}"), 400);
    }

    @Test
    void aMembersCouponsComeAPageAtATimeOldestFirst() throws Exception {
        String member = rewards.enrolledMember(chain);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String redemption = rewards.redeem(member, "free-coffee");
            debitRequest(member, redemption);
            kafka.send(CloudEventRecord.of(new PointsRedeemed(redemption, member, chain, BigDecimal.valueOf(100), BigDecimal.valueOf(1_000), Instant.now()))
                    .withSource(POINTS));
            issued.add(rewards.awaitStatus(redemption, "COMPLETED").get("couponCode").asText());
        }
        HttpProbe pos = service.as(TestTokens.pos(chain));

        HttpResponse<String> first = pos.get("/members/" + member + "/coupons?limit=2");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(issued.subList(0, 2), codes(json(first)));
        String link = first.headers().firstValue("link").orElseThrow();
        assertEquals("</members/" + member + "/coupons?limit=2&after=" + issued.get(1) + ">; rel=\"next\"", link);
        HttpResponse<String> second = pos.get(link.substring(1, link.indexOf('>')));
        assertEquals(issued.subList(2, 3), codes(json(second)));
        assertTrue(second.headers().firstValue("link").isEmpty(), "the last page has no next");
        assertEquals(issued, codes(json(pos.get("/members/" + member + "/coupons"))), "100 a page by default");

        for (String limit : List.of("0", "1001", "-1")) {
            JsonNode problem = assertProblem(pos.get("/members/" + member + "/coupons?limit=" + limit), 400);
            assertEquals("limit", problem.get("errors").get(0).get("field").asText(), problem.toString());
        }
        assertProblem(pos.get("/members/" + member + "/coupons?limit=many"), 400);
        JsonNode unknown = assertProblem(pos.get("/members/" + member + "/coupons?after=NOSUCHCODE"), 400);
        assertEquals("after", unknown.get("errors").get(0).get("field").asText(), unknown.toString());
    }

    private static List<String> codes(JsonNode coupons) {
        List<String> codes = new ArrayList<>();
        coupons.forEach(coupon -> codes.add(coupon.get("couponCode").asText()));
        return codes;
    }

    @Test
    void listsTheCatalogFromConfiguration() throws Exception {
        JsonNode rewards = json(this.rewards.ops(chain).get("/rewards?chainId=" + chain));

        List<String> ids = new ArrayList<>();
        rewards.forEach(reward -> ids.add(reward.get("id").asText()));
        assertEquals(List.of("free-coffee", "tote-bag"), ids);
        assertEquals(100, rewards.get(0).get("pointsCost").asLong());
        assertEquals("Δωρεάν καφές", rewards.get(0).get("name").get("el").asText());
        assertEquals(500, rewards.get(1).get("pointsCost").asLong());
        assertEquals(2, json(this.rewards.ops("*").get("/rewards")).size());
    }

    private PointsDebitRequested debitRequest(String member, String redemptionId) {
        List<PointsDebitRequested> requests = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            requests.clear();
            kafka.records(Topics.POINTS_REQUESTS.name(), Records.keyed(member)).stream()
                    .filter(record -> IntegrationEvent.typeOf(PointsDebitRequested.class)
                            .equals(header(record, CloudEventHeaders.TYPE)))
                    .map(record -> Records.payload(record, PointsDebitRequested.class))
                    .filter(request -> request.requestId().equals(redemptionId))
                    .forEach(requests::add);
            return !requests.isEmpty();
        });
        assertEquals(1, requests.size());
        return requests.get(0);
    }

}
