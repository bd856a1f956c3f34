package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
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
 * the stock back. Recovered a second time, nothing changes: no coupon, code, event or publication twice.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POINTS = "/patronage/points-service";
    private static final String COFFEE = "free-coffee";

    private final String chain;
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
    void eventsStoredByAKilledInstanceAreHandledOnceAndNoDebitedPointsAreLost() {
        putReward("crash-mug", 1);
        String requester = rewards.enrolledMember(chain);
        String debitee = rewards.enrolledMember(chain);
        String holder = rewards.enrolledMember(chain);
        String refused = rewards.enrolledMember(chain);
        String later = rewards.enrolledMember(chain);
        String killed = "killed-" + UUID.randomUUID();
        Instant checkpoint = Instant.now().minusSeconds(1);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String requested = UUID.randomUUID().toString();
        append(killed, requested(requested, requester, COFFEE, at));
        String debited = UUID.randomUUID().toString();
        append(killed, requested(debited, debitee, COFFEE, at), new PointsDebited(debited, 100, at));
        String issued = UUID.randomUUID().toString();
        String code = "QQQQQQQQQQ";
        database.getCollection("coupon_codes").insertOne(new Document("_id", chain + "/" + code)
                .append("chainId", chain).append("couponCode", code).append("memberId", holder)
                .append("redemptionId", issued));
        append(killed, requested(issued, holder, COFFEE, at), new PointsDebited(issued, 100, at),
                new CouponIssued(issued, holder, chain, COFFEE, 100, code, at, at.plus(Duration.ofDays(30))));
        String rejected = UUID.randomUUID().toString();
        reserveTheOnlyMug(rejected, refused);
        append(killed, requested(rejected, refused, "crash-mug", at),
                new RedemptionRejected(rejected, "INSUFFICIENT_POINTS", "the member has 20 points", at));
        assertProblem(rewards.ops("*").get("/redemptions/" + requested), 404);

        recoverDeadInstance(killed, checkpoint);

        // the request alone: view, saga and debit request; the debit answered becomes its coupon
        assertEquals("PENDING", rewards.awaitStatus(requested, "PENDING").get("status").asText());
        await().atMost(PATIENCE).until(() -> debitRequests(requester).size() == 1);
        assertEquals(requested, debitRequests(requester).get(0).requestId());
        assertEquals(1, database.getCollection("sagas").countDocuments(Filters.eq("associations.value", requested)),
                "its saga runs");
        kafka.send(CloudEventRecord.of(new PointsRedeemed(requested, requester, chain, BigDecimal.valueOf(100),
                BigDecimal.valueOf(900), Instant.now())).withSource(POINTS));
        String requestedCode = rewards.awaitStatus(requested, "COMPLETED").get("couponCode").asText();
        // the debit stored without its coupon: the coupon is issued
        String debitedCode = rewards.awaitStatus(debited, "COMPLETED").get("couponCode").asText();
        // the coupon stored but not handled: in the views, live, with its code
        assertEquals(code, rewards.awaitStatus(issued, "COMPLETED").get("couponCode").asText());
        // the refusal stored but not handled: the stock is back
        assertEquals("INSUFFICIENT_POINTS", rewards.awaitStatus(rejected, "REJECTED").get("reason").asText());
        await().atMost(PATIENCE).until(() -> couponsIssued(debitee) == 1);
        assertOnce(requester, requested, requestedCode, debitee, debited, debitedCode, holder, issued, code);
        String mug = rewards.redeem(later, "crash-mug");

        recoverDeadInstance(killed, checkpoint); // again: a recovery may run twice over the same events

        assertOnce(requester, requested, requestedCode, debitee, debited, debitedCode, holder, issued, code);
        assertEquals(1, debitRequests(requester).size(), "the debit is requested once");
        assertEquals(1, couponsIssued(debitee), "the coupon is published once");
        assertEquals("REJECTED", rewards.awaitStatus(rejected, "REJECTED").get("status").asText());
        assertProblem(rewards.member(refused).post("/members/" + refused + "/redemptions",
                "{\"rewardId\":\"crash-mug\"}"), 409, "urn:patronage:problem:out-of-stock");
        assertEquals("PENDING", rewards.awaitStatus(mug, "PENDING").get("status").asText());
        assertEquals(0, database.getCollection("sagas").countDocuments(Filters.in("associations.value",
                List.of(requested, debited, issued, rejected))), "every saga ended");
    }

    private void assertOnce(String requester, String requested, String requestedCode, String debitee, String debited,
                            String debitedCode, String holder, String issued, String code) {
        assertEquals(List.of(requested + ":" + requestedCode), coupons(requester));
        assertEquals(List.of(debited + ":" + debitedCode), coupons(debitee));
        assertEquals(List.of(issued + ":" + code), coupons(holder));
        for (String redemptionId : List.of(requested, debited, issued)) {
            assertEquals(3, storage.readEvents(redemptionId, 0).asStream().count(),
                    "requested, debited, issued once: " + redemptionId);
            assertEquals(1, database.getCollection("coupon_codes").countDocuments(
                    Filters.eq("redemptionId", redemptionId)), "one code claimed");
            assertNull(database.getCollection("pending_redemptions").find(Filters.eq("_id", redemptionId)).first());
            assertEquals(1, database.getCollection("live_coupons").countDocuments(Filters.eq("_id", redemptionId)));
        }
    }

    /** What a killed instance left: its checkpoint from before the events, its heartbeat long gone. */
    private void recoverDeadInstance(String instance, Instant publishedUntil) {
        MongoCollection<Document> checkpoints = database.getCollection("publication_checkpoints");
        checkpoints.insertOne(new Document("_id", "publication:" + instance)
                .append("publishedUntil", Date.from(publishedUntil))
                .append("heartbeatAt", Date.from(Instant.now().minus(Duration.ofHours(1)))));
        await().atMost(PATIENCE).until(() -> checkpoints.find(Filters.eq("_id", "publication:" + instance))
                .first() == null);
    }

    /** Stored as the aggregate stores them, without any handler running. */
    private void append(String instance, Object... events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.length; sequence++) {
            String redemptionId = ((RedemptionRequested) events[0]).redemptionId();
            messages.add(new GenericDomainEventMessage<>("Redemption", redemptionId, sequence, events[sequence],
                    MetaData.with(PublicationRecovery.STORED_BY, instance)));
        }
        storage.appendEvents(messages);
    }

    private RedemptionRequested requested(String redemptionId, String member, String rewardId, Instant at) {
        return new RedemptionRequested(redemptionId, member, chain, rewardId, 100, 30, at, 1L,
                at.plus(Duration.ofHours(1)), Duration.ofDays(30));
    }

    /** The request reserved the reward's only unit before its redemption was recorded. */
    private void reserveTheOnlyMug(String redemptionId, String member) {
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
