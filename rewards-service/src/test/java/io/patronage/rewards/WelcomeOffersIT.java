package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
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
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Welcome offers: set by ops over HTTP, a coupon for each member enrolled afterwards on {@code loyalty.members.v1}. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelcomeOffersIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-welcome-offers-it");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aMemberEnrolledAfterTheOfferGetsItsCouponOnceAnEarlierOneNone() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/welcome-offer";
        assertEquals(404, ops.get(path).statusCode());
        HttpResponse<String> gift = ops.put("/chains/" + chain + "/rewards/welcome-gift", """
                {"name":{"en":"Welcome gift"},"pointsCost":1,"couponValidityDays":30,
                 "coupon":{"kind":"AMOUNT_OFF","amountOff":"2.50"}}""");
        assertEquals(201, gift.statusCode(), gift.body());
        HttpResponse<String> invalid = ops.put(path, "{\"rewardId\":\"yacht\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertEquals("rewardId", json(invalid).get("errors").get(0).get("field").asText());
        assertEquals(403, service.as(TestTokens.ops("another-chain")).put(path, "{\"rewardId\":\"welcome-gift\"}")
                .statusCode());
        HttpResponse<String> created = ops.put(path, "{\"rewardId\":\"welcome-gift\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, ops.put(path, "{\"rewardId\":\"welcome-gift\"}").statusCode());
        assertEquals("welcome-gift", json(ops.get(path)).get("rewardId").asText());

        // enrolled before the offer (a history read again): no coupon
        String earlier = "m-" + UUID.randomUUID();
        MemberEnrolled old = new MemberEnrolled(earlier, chain, "card-" + earlier, MonthDay.of(1, 2), "en",
                Instant.now().minus(Duration.ofDays(30)));
        kafka.send(CloudEventRecord.of(old).withSource("/patronage/enrollment-service"));
        String member = rewards.enrolledMember(chain);
        CouponIssued coupon = awaitCoupons(member, 1).get(0);
        assertEquals(0, coupon.pointsSpent());
        assertEquals("welcome:" + chain + ":" + member, coupon.redemptionId());
        await().atMost(PATIENCE).until(() -> !kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member))
                .isEmpty());
        NotificationRequested told = Records.payload(kafka.records(Topics.NOTIFICATIONS.name(),
                Records.keyed(member)).get(0), NotificationRequested.class);
        assertEquals(new CouponIssuedParameters(coupon.couponCode(), "welcome-gift", coupon.expiresAt(),
                        CouponOffer.amountOff(new BigDecimal("2.50"), "EUR")),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow(), "the message says what it gives");
        assertEquals(List.of(), events(earlier, CouponIssued.class), "the earlier member gets none");

        // the enrollment delivered again as another message: the coupon exists once
        kafka.send(CloudEventRecord.of(new MemberEnrolled(member, chain, "card-" + member, MonthDay.of(5, 17),
                "el-GR", Instant.now())).withSource("/patronage/enrollment-service"));
        String witness = rewards.enrolledMember(chain);
        awaitCoupons(witness, 1);
        assertEquals(1, events(member, CouponIssued.class).size());
        assertEquals(1, json(rewards.member(member).get("/members/" + member + "/coupons")).size());
        assertEquals(List.of(), kafka.records(Topics.MEMBERS.deadLetterTopic(), Records.keyed(member)),
                "the second grant is recognised as done, not a failure");
    }

    @Test
    void anEnrollmentWithoutItsMemberIsDeadLetteredSayingSo() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        kafka.send(CloudEventRecord.of(new MemberEnrolled(null, chain, "card-" + chain, MonthDay.of(5, 17), "el-GR",
                Instant.now())).withSource("/patronage/enrollment-service"));

        await().atMost(PATIENCE).until(() -> !welcomeDeadLetters(chain).isEmpty());
        assertEquals("MemberEnrolled without memberId or chainId",
                header(welcomeDeadLetters(chain).get(0), DeadLetterPublisher.REASON));
    }

    private List<ConsumerRecord<String, byte[]>> welcomeDeadLetters(String chain) {
        return kafka.records(Topics.MEMBERS.deadLetterTopic(), record -> Records.text(record).contains(chain)
                && "rewards-service.welcome-offers".equals(header(record, DeadLetterPublisher.CONSUMER_GROUP)));
    }

    @Test
    void aWithdrawnOfferWelcomesNobodyMoreAndSetAgainItWelcomesThoseEnrolledFromThenOn() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/welcome-offer";
        HttpProbe.assertProblem(ops.delete(path), 404);
        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\"}").statusCode());
        String welcomed = rewards.enrolledMember(chain);
        String code = awaitCoupons(welcomed, 1).get(0).couponCode();

        assertEquals(403, service.as(TestTokens.ops("another-chain")).delete(path).statusCode());
        HttpResponse<String> withdrawn = ops.delete(path);
        assertEquals(204, withdrawn.statusCode(), withdrawn.body());
        HttpProbe.assertProblem(ops.delete(path), 404);
        HttpProbe.assertProblem(ops.get(path), 404);

        String during = "m-" + UUID.randomUUID();
        MemberEnrolled enrolledMeanwhile = new MemberEnrolled(during, chain, "card-" + during, MonthDay.of(3, 4), "en",
                Instant.now());
        kafka.send(CloudEventRecord.of(enrolledMeanwhile).withSource("/patronage/enrollment-service"));
        // a member of a chain with an offer, enrolled after: their coupon shows the enrollments before were handled
        String witnessChain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        assertEquals(201, rewards.ops(witnessChain).put("/chains/" + witnessChain + "/welcome-offer",
                "{\"rewardId\":\"free-coffee\"}").statusCode());
        awaitCoupons(rewards.enrolledMember(witnessChain), 1);
        assertEquals(List.of(), events(during, CouponIssued.class), "no offer, no coupon");

        // set again: it welcomes the members enrolled from now on, not those enrolled while there was none
        HttpResponse<String> again = ops.put(path, "{\"rewardId\":\"free-coffee\"}");
        assertEquals(201, again.statusCode(), again.body());
        assertTrue(Instant.parse(json(again).get("since").asText()).isAfter(enrolledMeanwhile.enrolledAt()));
        kafka.send(CloudEventRecord.of(enrolledMeanwhile).withSource("/patronage/enrollment-service"));
        String after = rewards.enrolledMember(chain);
        awaitCoupons(after, 1);
        assertEquals(List.of(), events(during, CouponIssued.class), "enrolled while the chain had no offer");
        assertEquals(1, events(welcomed, CouponIssued.class).size());
        JsonNode coupon = json(rewards.member(welcomed).get("/members/" + welcomed + "/coupons")).get(0);
        assertEquals(code, coupon.get("couponCode").asText());
        assertEquals("ISSUED", coupon.get("status").asText(), "a coupon granted before stays valid");

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record ->
                actions.add(record.get("action").asText() + " " + record.get("target").asText()));
        assertEquals(List.of("welcome-offer.updated " + chain, "welcome-offer.withdrawn " + chain,
                "welcome-offer.updated " + chain), actions);
    }

    private List<CouponIssued> awaitCoupons(String member, int count) {
        await().atMost(PATIENCE).until(() -> events(member, CouponIssued.class).size() >= count);
        return events(member, CouponIssued.class);
    }

    private <T extends IntegrationEvent> List<T> events(String member, Class<T> type) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(type).equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, type)).toList();
    }
}
