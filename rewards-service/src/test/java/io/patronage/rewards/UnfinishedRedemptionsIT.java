package io.patronage.rewards;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A redemption request its process did not finish (killed between claiming its Idempotency-Key, reserving the stock
 * and recording the redemption) keeps no stock and no key once resolved; one whose redemption was recorded keeps its
 * unit, and one killed before it took its unit gives none back (the stock is never oversold). The test writes what such
 * a process leaves in MongoDB, then lets the service resolve it after a grace of 1 s.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnfinishedRedemptionsIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private String chain;
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-unfinished-it", Map.of(
                "patronage.rewards.unfinished-request-grace", "1s",
                "patronage.rewards.unfinished-request-check-interval", "300ms"));
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
    void aRequestKilledBeforeItsRedemptionWasRecordedGivesItsUnitAndItsKeyBack() {
        putReward("crash-mug", 1);
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        String key = UUID.randomUUID().toString();
        String crashed = UUID.randomUUID().toString();
        // what the killed process left: its key, the only unit reserved, its note; no redemption
        database.getCollection("idempotency_keys").insertOne(new Document("_id", member + "/" + key)
                .append("rewardId", "crash-mug").append("redemptionId", crashed).append("at", new Date()));
        database.getCollection("reservations").insertOne(new Document("_id", crashed)
                .append("stock", chain + "/crash-mug").append("member", null).append("released", false)
                .append("stockTaken", true).append("memberTaken", false));
        database.getCollection("reward_counters").insertOne(new Document("_id", chain + "/crash-mug")
                .append("taken", 1L));
        database.getCollection("unfinished_redemptions").insertOne(new Document("_id", crashed)
                .append("instance", "a-killed-instance").append("memberId", member).append("key", key)
                .append("at", Date.from(Instant.now().minusSeconds(60))));

        HttpResponse<String> retried = await().atMost(PATIENCE).until(() -> redeemWithKey(member, "crash-mug", key),
                response -> response.statusCode() != 202 || !crashed.equals(json(response).get("redemptionId").asText()));

        assertEquals(202, retried.statusCode(), retried.body());
        String redemptionId = json(retried).get("redemptionId").asText();
        assertEquals("PENDING", json(rewards.ops("*").get("/redemptions/" + redemptionId)).get("status").asText(),
                "the retry made a redemption that exists");
        assertEquals(redemptionId, json(redeemWithKey(member, "crash-mug", key)).get("redemptionId").asText());
        assertProblem(rewards.member(other).post("/members/" + other + "/redemptions",
                "{\"rewardId\":\"crash-mug\"}"), 409, "urn:patronage:problem:out-of-stock");
    }

    @Test
    void aRequestKilledAfterItsRedemptionWasRecordedKeepsItsUnit() {
        putReward("kept-mug", 1);
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        String redemptionId = rewards.redeem(member, "kept-mug");
        database.getCollection("unfinished_redemptions").insertOne(new Document("_id", redemptionId)
                .append("instance", "a-killed-instance").append("memberId", member).append("key", null)
                .append("at", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(PATIENCE).until(() -> database.getCollection("unfinished_redemptions")
                .find(Filters.eq("_id", redemptionId)).first() == null);

        assertProblem(rewards.member(other).post("/members/" + other + "/redemptions",
                "{\"rewardId\":\"kept-mug\"}"), 409, "urn:patronage:problem:out-of-stock");
        assertEquals("PENDING", json(rewards.ops("*").get("/redemptions/" + redemptionId)).get("status").asText());
    }

    @Test
    void aRequestKilledBeforeItTookItsUnitGivesNoneBack() {
        putReward("last-mug", 1);
        String member = rewards.enrolledMember(chain);
        String other = rewards.enrolledMember(chain);
        String third = rewards.enrolledMember(chain);
        rewards.redeem(member, "last-mug");
        String crashed = UUID.randomUUID().toString();
        // killed between recording its reservation and taking a unit
        database.getCollection("reservations").insertOne(new Document("_id", crashed)
                .append("stock", chain + "/last-mug").append("member", null).append("released", false)
                .append("stockTaken", false).append("memberTaken", false));
        database.getCollection("unfinished_redemptions").insertOne(new Document("_id", crashed)
                .append("instance", "a-killed-instance").append("memberId", other).append("key", null)
                .append("at", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(PATIENCE).until(() -> database.getCollection("unfinished_redemptions")
                .find(Filters.eq("_id", crashed)).first() == null);

        assertProblem(rewards.member(third).post("/members/" + third + "/redemptions",
                "{\"rewardId\":\"last-mug\"}"), 409, "urn:patronage:problem:out-of-stock");
    }

    private void putReward(String rewardId, long stock) {
        HttpResponse<String> created = rewards.ops(chain).put("/chains/" + chain + "/rewards/" + rewardId, """
                {"name":{"en":"Mug"},"pointsCost":100,"couponValidityDays":30,"stock":%d}""".formatted(stock));
        assertEquals(201, created.statusCode(), created.body());
    }

    private HttpResponse<String> redeemWithKey(String member, String rewardId, String key) {
        return rewards.member(member).send(HttpRequest.newBuilder(service.uri("/members/" + member + "/redemptions"))
                .header("content-type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"rewardId\":\"" + rewardId + "\"}")));
    }
}
