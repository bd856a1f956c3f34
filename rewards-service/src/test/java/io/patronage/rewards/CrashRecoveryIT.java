package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.rewards.redemption.CouponIssued;
import io.patronage.rewards.redemption.PointsDebited;
import io.patronage.rewards.redemption.RedemptionRejected;
import io.patronage.rewards.redemption.RedemptionRequested;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.DeadInstance;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What a {@code kill -9} leaves between storing a redemption's events and handling them: the test appends the events
 * straight to the event store, tagged with an instance that died (no view, no saga, no member coupon, nothing
 * published), with that instance's publication checkpoint from before them, as such a process leaves them. The
 * service recovers the dead instance's checkpoint (after 1 s here): a request stored alone gets its view and saga
 * and its debit request, and the debit then answered becomes a coupon; a debit stored without its coupon becomes
 * one; a coupon stored but not handled reaches the views and the live coupons; a refusal stored but not handled gives
 * the stock back. Recovered a second time, nothing changes: no coupon, code, event, publication or release twice.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";
    private static final String COFFEE = "free-coffee";

    private final String chain;
    /** The instance killed in the test, and when it stored its events. */
    private String killed;
    private Instant at;
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Inject
    EventStorageEngine storage;

    CrashRecoveryIT() {
        chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
    }

    @BeforeEach
    void kill() {
        killed = "killed-" + UUID.randomUUID();
        at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-crash-it", Map.of(
                "patronage.publication.dead-after", "1s",
                "patronage.publication.checkpoint-interval", "300ms"));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aRequestStoredAloneGetsItsViewSagaAndDebitRequestAndTheDebitBecomesItsCoupon() {
        String member = rewards.enrolledMember(chain);
        String redemptionId = UUID.randomUUID().toString();
        Instant checkpoint = Instant.now().minusSeconds(1);
        append(requested(redemptionId, member, COFFEE));
        assertProblem(rewards.ops("*").get("/redemptions/" + redemptionId), 404);

        recoverDeadInstance(checkpoint);

        assertEquals("PENDING", rewards.awaitStatus(redemptionId, "PENDING").get("status").asText());
        assertEquals(1, database.getCollection("sagas").countDocuments(Filters.eq("associations.value",
                redemptionId)), "its saga runs");
        await().atMost(PATIENCE).until(() -> debitRequests(member).size() == 1);
        assertEquals(redemptionId, debitRequests(member).get(0).requestId());
        kafka.send(CloudEventRecord.of(new PointsRedeemed(redemptionId, member, chain, BigDecimal.valueOf(100),
                BigDecimal.valueOf(900), Instant.now())).withSource(POINTS));
        String code = rewards.awaitStatus(redemptionId, "COMPLETED").get("couponCode").asText();
        assertIssuedOnce(member, redemptionId, code);

        recoverDeadInstance(checkpoint); // a recovery may run twice over the same events

        assertIssuedOnce(member, redemptionId, code);
        assertEquals(1, debitRequests(member).size(), "the debit is requested once");
    }

    @Test
    void aDebitStoredAfterItsRequestWasHandledBecomesItsCouponOnce() {
        String member = rewards.enrolledMember(chain);
        String redemptionId = UUID.randomUUID().toString();
        Instant checkpoint = Instant.now().minusSeconds(1);
        append(requested(redemptionId, member, COFFEE));
        recoverDeadInstance(checkpoint);
        rewards.awaitStatus(redemptionId, "PENDING");
        assertEquals(1, sagasOf(redemptionId), "the request was handled: view and saga");
        appendFrom(1, new PointsDebited(redemptionId, 100, at)); // a later kill -9, before its saga issued the coupon

        recoverDeadInstance(checkpoint);

        String code = rewards.awaitStatus(redemptionId, "COMPLETED").get("couponCode").asText();
        await().atMost(PATIENCE).until(() -> couponsIssued(member) == 1);
        assertIssuedOnce(member, redemptionId, code);

        recoverDeadInstance(checkpoint);

        assertIssuedOnce(member, redemptionId, code);
        assertEquals(1, couponsIssued(member), "the coupon is published once");
    }

    @Test
    void aCouponStoredButNotHandledReachesTheViewsAndTheLiveCoupons() {
        String member = rewards.enrolledMember(chain);
        String redemptionId = UUID.randomUUID().toString();
        String code = "QQQ" + UUID.randomUUID().toString().substring(0, 7);
        Instant checkpoint = Instant.now().minusSeconds(1);
        database.getCollection("coupon_codes").insertOne(new Document("_id", chain + "/" + code)
                .append("chainId", chain).append("couponCode", code).append("memberId", member)
                .append("redemptionId", redemptionId));
        append(requested(redemptionId, member, COFFEE), new PointsDebited(redemptionId, 100, at),
                new CouponIssued(redemptionId, member, chain, COFFEE, 100, code, at, at.plus(Duration.ofDays(30))));

        recoverDeadInstance(checkpoint);

        assertEquals(code, rewards.awaitStatus(redemptionId, "COMPLETED").get("couponCode").asText());
        assertIssuedOnce(member, redemptionId, code);

        recoverDeadInstance(checkpoint);

        assertIssuedOnce(member, redemptionId, code);
    }

    @Test
    void aRefusalStoredButNotHandledGivesTheStockBackOnce() {
        putReward("crash-mug", 1);
        String member = rewards.enrolledMember(chain);
        String later = rewards.enrolledMember(chain);
        String redemptionId = UUID.randomUUID().toString();
        Instant checkpoint = Instant.now().minusSeconds(1);
        reserveTheOnlyMug(redemptionId);
        append(requested(redemptionId, member, "crash-mug"),
                new RedemptionRejected(redemptionId, "INSUFFICIENT_POINTS", "the member has 20 points", at));

        recoverDeadInstance(checkpoint);

        assertEquals("INSUFFICIENT_POINTS", rewards.awaitStatus(redemptionId, "REJECTED").get("reason").asText());
        String mug = rewards.redeem(later, "crash-mug"); // the unit is back

        recoverDeadInstance(checkpoint);

        assertProblem(rewards.member(member).post("/members/" + member + "/redemptions",
                "{\"rewardId\":\"crash-mug\"}"), 409, "urn:patronage:problem:out-of-stock");
        assertEquals("PENDING", rewards.awaitStatus(mug, "PENDING").get("status").asText());
        assertEquals(0, sagasOf(redemptionId), "its saga ended");
    }

    /** The member's one coupon, in both views, live, its code claimed once, the redemption's events not repeated. */
    private void assertIssuedOnce(String member, String redemptionId, String code) {
        assertEquals(List.of(redemptionId + ":" + code), coupons(member));
        assertEquals(code, rewards.awaitStatus(redemptionId, "COMPLETED").get("couponCode").asText());
        assertEquals(3, storage.readEvents(redemptionId, 0).asStream().count(), "requested, debited, issued once");
        assertEquals(1, database.getCollection("coupon_codes").countDocuments(Filters.eq("redemptionId", redemptionId)),
                "one code claimed");
        assertNull(database.getCollection("pending_redemptions").find(Filters.eq("_id", redemptionId)).first());
        assertEquals(1, database.getCollection("live_coupons").countDocuments(Filters.eq("_id", redemptionId)));
        assertEquals(0, sagasOf(redemptionId), "its saga ended");
    }

    private long sagasOf(String redemptionId) {
        return database.getCollection("sagas").countDocuments(Filters.eq("associations.value", redemptionId));
    }

    /** What a killed instance left: its checkpoint from before the events. */
    private void recoverDeadInstance(Instant publishedUntil) {
        DeadInstance.recovered(database, killed, publishedUntil, PATIENCE);
    }

    /** Stored as the aggregate stores them, without any handler running. */
    private void append(RedemptionRequested requested, Object... more) {
        List<Object> events = new ArrayList<>(List.of(requested));
        events.addAll(List.of(more));
        appendFrom(0, events.toArray());
    }

    private void appendFrom(long sequence, Object... events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("Redemption", redemptionIdOf(event), sequence++, event,
                    MetaData.with(PublicationRecovery.STORED_BY, killed)));
        }
        storage.appendEvents(messages);
    }

    private static String redemptionIdOf(Object event) {
        if (event instanceof RedemptionRequested requested) {
            return requested.redemptionId();
        } else if (event instanceof PointsDebited debited) {
            return debited.redemptionId();
        } else if (event instanceof CouponIssued issued) {
            return issued.redemptionId();
        }
        return ((RedemptionRejected) event).redemptionId();
    }

    private RedemptionRequested requested(String redemptionId, String member, String rewardId) {
        return new RedemptionRequested(redemptionId, member, chain, rewardId, 100, 30, at, 1L,
                at.plus(Duration.ofHours(1)), Duration.ofDays(30));
    }



    /** The request reserved the reward's only unit before its redemption was recorded. */
    private void reserveTheOnlyMug(String redemptionId) {
        database.getCollection("reservations").insertOne(new Document("_id", redemptionId)
                .append("stock", chain + "/crash-mug").append("member", null).append("released", false)
                .append("stockTaken", true).append("memberTaken", false));
        database.getCollection("reward_counters").insertOne(new Document("_id", chain + "/crash-mug")
                .append("taken", 1L));
    }

    private void putReward(String rewardId, long stock) {
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/rewards/" + rewardId, """
                {"name":{"en":"Mug"},"pointsCost":100,"couponValidityDays":30,"stock":%d}""".formatted(stock));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** {@code <redemptionId>:<couponCode>} of each of the member's coupons. */
    private List<String> coupons(String member) {
        JsonNode coupons = json(rewards.ops(chain).get("/members/" + member + "/coupons"));
        return StreamSupport.stream(coupons.spliterator(), false)
                .map(coupon -> coupon.get("redemptionId").asText() + ":" + coupon.get("couponCode").asText())
                .toList();
    }

    private List<PointsDebitRequested> debitRequests(String member) {
        return kafka.records(Topics.POINTS_REQUESTS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(PointsDebitRequested.class)
                        .equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, PointsDebitRequested.class)).toList();
    }

    private long couponsIssued(String member) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(io.patronage.contracts.rewards.CouponIssued.class)
                        .equals(header(record, CloudEventHeaders.TYPE)))
                .count();
    }
}
