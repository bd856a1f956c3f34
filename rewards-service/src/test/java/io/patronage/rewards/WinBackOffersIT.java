package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.WinBackOfferParameters;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Win-back offers: set by ops over HTTP, a coupon for each member of the chain who falls dormant from the day it was
 * set on, read from analytics' dormant list ({@code loyalty.analytics.dormant.v1}, produced here as analytics does).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WinBackOffersIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens"); // the probe's chains' zone

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-win-back-offers-it");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void opsSetTheOfferOverTheApiValidatedAndAuditedWhenItChanges() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/win-back-offer";
        assertEquals(404, ops.get(path).statusCode());
        for (String invalid : List.of("{\"rewardId\":\"yacht\"}", "{}", "{\"rewardId\":\"../free-coffee\"}")) {
            HttpResponse<String> refused = ops.put(path, invalid);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("rewardId", json(refused).get("errors").get(0).get("field").asText());
        }
        assertEquals(403, service.as(TestTokens.ops("another-chain")).put(path, "{\"rewardId\":\"free-coffee\"}")
                .statusCode());
        HttpResponse<String> created = ops.put(path, "{\"rewardId\":\"free-coffee\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(path, created.headers().firstValue("Location").orElseThrow());
        assertEquals(200, ops.put(path, "{\"rewardId\":\"free-coffee\"}").statusCode());
        assertEquals("free-coffee", json(ops.get(path)).get("rewardId").asText());

        List<String> audited = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record -> {
            if (record.get("action").asText().equals("win-back-offer.updated")) {
                audited.add(record.get("details").get("rewardId").asText() + " " + record.get("actor").asText());
            }
        });
        assertEquals(List.of("free-coffee ops-" + chain), audited, "an unchanged offer records nothing");
    }

    @Test
    void aMemberFallingDormantAfterTheOfferGetsACouponOncePerSpellAndNoOneElseDoes() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/win-back-offer",
                "{\"rewardId\":\"free-coffee\"}");
        assertEquals(201, created.statusCode(), created.body());
        LocalDate offerDay = LocalDate.ofInstant(Instant.parse(json(created).get("since").asText()), ATHENS);
        String member = rewards.enrolledMember(chain);
        String longDormant = rewards.enrolledMember(chain);
        String optedOut = rewards.enrolledMember(chain);
        String stranger = "m-" + UUID.randomUUID();
        kafka.send(CloudEventRecord.of(new MemberOptedOut(optedOut, chain, Instant.now()))
                .withSource("/patronage/enrollment-service"));
        await().atMost(PATIENCE).until(() -> {
            Document left = database.getCollection("members").find(Filters.eq("_id", optedOut)).first();
            return left != null && left.containsKey("leftAt");
        });

        // one partition, in this order: the member's last coupon shows that every record before it was handled
        dormant(chain, longDormant, offerDay.minusDays(1)); // dormant before the offer: the list read again
        dormant(chain, optedOut, offerDay);
        dormant(chain, stranger, offerDay);
        dormant(chain, member, offerDay);
        kafka.send(new ProducerRecord<>(Topics.DORMANT.name(), 0, chain + "|" + member, null)); // bought again
        kafka.send(CloudEventRecord.of(new DormantMember(chain, member, null, offerDay, 60))
                .withId(chain + "|" + member + "@" + offerDay + "#again").onPartition(0)
                .withSource("/patronage/analytics-service")); // the same spell again, another message
        dormant(chain, member, offerDay.plusDays(30)); // a later spell

        List<CouponIssued> coupons = awaitCoupons(member, 2);
        assertEquals(List.of("winback:" + chain + ":" + member + ":" + offerDay,
                "winback:" + chain + ":" + member + ":" + offerDay.plusDays(30)),
                coupons.stream().map(CouponIssued::redemptionId).toList());
        assertEquals(0, coupons.get(0).pointsSpent());
        await().atMost(PATIENCE).until(() -> kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member))
                .size() >= 2);
        NotificationRequested told = Records.payload(kafka.records(Topics.NOTIFICATIONS.name(),
                Records.keyed(member)).get(0), NotificationRequested.class);
        assertEquals(new WinBackOfferParameters(coupons.get(0).couponCode(), "free-coffee",
                coupons.get(0).expiresAt()), NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
        assertTrue(told.marketing());
        for (String none : List.of(longDormant, optedOut, stranger)) {
            assertEquals(List.of(), events(none), none + " gets no win-back coupon");
        }
        assertEquals(List.of(), kafka.records(Topics.DORMANT.deadLetterTopic()).stream()
                .filter(record -> record.key() != null && record.key().startsWith(chain)).toList(),
                "a tombstone is passed over, not dead-lettered");
        JsonNode view = json(rewards.member(member).get("/members/" + member + "/coupons"));
        assertEquals(2, view.size(), view.toString());
    }

    @Test
    void aWithdrawnOfferGrantsNothingMoreAndSetAgainStartsAnew() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/win-back-offer";
        assertEquals(404, ops.delete(path).statusCode(), "no offer to withdraw");
        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\"}").statusCode());
        LocalDate offerDay = LocalDate.ofInstant(Instant.parse(json(ops.get(path)).get("since").asText()), ATHENS);
        String member = rewards.enrolledMember(chain);
        dormant(chain, member, offerDay);
        awaitCoupons(member, 1);

        assertEquals(403, service.as(TestTokens.ops("another-chain")).delete(path).statusCode());
        assertEquals(204, ops.delete(path).statusCode());
        assertEquals(404, ops.get(path).statusCode());
        assertEquals(404, ops.delete(path).statusCode(), "withdrawn once");
        String other = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        assertEquals(201, rewards.ops(other).put("/chains/" + other + "/win-back-offer",
                "{\"rewardId\":\"free-coffee\"}").statusCode());
        String witness = rewards.enrolledMember(other);
        dormant(chain, member, offerDay.plusDays(40)); // a later spell, the offer withdrawn: nothing
        dormant(other, witness, offerDay.plusDays(40)); // one partition: once it is granted, the one before was read
        awaitCoupons(witness, 1);
        assertEquals(1, events(member).size(), "nothing granted while withdrawn");

        assertEquals(201, ops.put(path, "{\"rewardId\":\"free-coffee\"}").statusCode(), "set again: anew");
        dormant(chain, member, offerDay.plusDays(1000));
        assertEquals(2, awaitCoupons(member, 2).size());

        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records")
                .forEach(record -> actions.add(record.get("action").asText()));
        assertTrue(actions.contains("win-back-offer.withdrawn"), actions.toString());
    }

    private void dormant(String chain, String member, LocalDate since) {
        kafka.send(CloudEventRecord.of(new DormantMember(chain, member, null, since, 60))
                .withId(chain + "|" + member + "@" + since).onPartition(0).withSource("/patronage/analytics-service"));
    }

    private List<CouponIssued> awaitCoupons(String member, int count) {
        await().atMost(PATIENCE).until(() -> events(member).size() >= count);
        return events(member);
    }

    private List<CouponIssued> events(String member) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(CouponIssued.class)
                        .equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, CouponIssued.class)).toList();
    }
}
