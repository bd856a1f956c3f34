package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.kit.json.Json;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.intake.CardDirectory;
import io.patronage.testsupport.TillRecord;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rebuilding the balance projection from the event store, snapshots of long accounts (a tiny cache and a
 * snapshot every 5 events, so accounts are loaded from snapshots), and a transaction delivered more than once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    CardDirectory cards;

    @Inject
    EventStore eventStore;

    @Inject
    CommandGateway commands;

    @Inject
    MongoDatabase database;

    @Inject
    Configuration axon;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-rebuild-it", Map.of(
                "patronage.points.account-cache-size", "2",
                "patronage.points.snapshot-every", "5",
                "patronage.points.rebuild.progress-every", "10"));
    }

    @BeforeAll
    void connect() {
        outside = new Outside(server.getPort(), Topics.POINTS);
    }

    @AfterAll
    void disconnect() {
        outside.close();
    }

    @Test
    void aRebuildGivesTheSameBalancesAndRepairsALostUpdate() {
        String chain = "chain-" + UUID.randomUUID();
        List<String> members = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int m = 0; m < 4; m++) {
            String member = enroll(chain);
            members.add(member);
            for (int t = 1; t <= 3; t++) {
                purchase(chain, member, "t-" + m + "-" + t, (10 * t + m) + ".00", "PURCHASE", null);
            }
            purchase(chain, member, "r-" + m, "10.00", "RETURN", "t-" + m + "-1");
            expected.put(member, 50L + 3 * m);
        }
        String spender = members.get(0);
        outside.sendCloudEvent(new PointsDebitRequested("req-1", spender, chain, BigDecimal.valueOf(7), "reward:mug", Instant.now()));
        expected.put(spender, expected.get(spender) - 7);
        HttpResponse<String> adjusted = outside.post("/members/" + members.get(1) + "/points/adjustments",
                "{\"points\":11,\"reason\":\"goodwill\",\"actor\":\"ops@it\"}");
        assertEquals(201, adjusted.statusCode(), adjusted.body());
        expected.put(members.get(1), expected.get(members.get(1)) + 11);
        await().atMost(Outside.PATIENCE).untilAsserted(() -> expected.forEach((member, balance) ->
                assertEquals(balance, outside.json("/members/" + member + "/points").get("balance").asLong(), member)));
        Map<String, JsonNode> before = new HashMap<>();
        members.forEach(member -> before.put(member, figures(member)));

        database.getCollection("balances").updateOne(Filters.eq("_id", members.get(2)), Updates.inc("balance", 1000));
        JsonNode repaired = rebuild();
        assertFalse(repaired.get("equal").asBoolean(), "the lost update shows in the checksum");
        assertTrue(repaired.get("events").asLong() >= 4 * 5 + 2, repaired.toString());
        assertEquals(4, repaired.get("members").asInt());
        members.forEach(member -> assertEquals(before.get(member), figures(member), member));

        assertEquals(1, repaired.get("balancesWritten").asInt(), "only the drifted balance is written");

        JsonNode again = rebuild();
        assertTrue(again.get("equal").asBoolean(), again.toString());
        assertEquals(0, again.get("balancesWritten").asInt());
        assertEquals(repaired.get("checksumAfter"), again.get("checksumBefore"));
        assertEquals(again.get("checksumBefore"), again.get("checksumAfter"));
        members.forEach(member -> assertEquals(before.get(member), figures(member), member));

        database.getCollection("balances").drop();
        database.getCollection("balances").insertOne(new Document("_id", "m-without-events").append("chainId", chain)
                .append("balance", 5L).append("lifetimeEarned", 5L).append("lifetimeRedeemed", 0L)
                .append("version", 0L));
        JsonNode fromScratch = rebuild();
        assertEquals(again.get("members").asInt() + 1, fromScratch.get("balancesWritten").asInt(),
                "every balance written again, the one without events removed");
        assertEquals(again.get("checksumAfter"), fromScratch.get("checksumAfter"));
        members.forEach(member -> assertEquals(before.get(member), figures(member), member));
        assertNull(database.getCollection("balances").find(Filters.eq("_id", "m-without-events")).first());
    }

    @Test
    void aLongAccountIsSnapshottedAndTheSnapshotRoundTrips() {
        String chain = "chain-" + UUID.randomUUID();
        String member = enroll(chain);
        for (int t = 1; t <= 3; t++) {
            purchase(chain, member, "t-" + t, "10.00", "PURCHASE", null);
        }
        // the request comes on another topic: it must not overtake the purchases it spends
        await().atMost(Outside.PATIENCE).untilAsserted(() ->
                assertEquals(30, outside.json("/members/" + member + "/points").get("balance").asLong()));
        outside.sendCloudEvent(new PointsDebitRequested("req-a", member, chain, BigDecimal.valueOf(5), "reward:pen", Instant.now()));
        outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedeemed", b -> true);
        for (int t = 4; t <= 7; t++) {
            purchase(chain, member, "t-" + t, "10.00", "PURCHASE", null);
        }
        await().atMost(Outside.PATIENCE).untilAsserted(() ->
                assertEquals(65, outside.json("/members/" + member + "/points").get("balance").asLong()));
        await().atMost(Outside.PATIENCE).until(() ->
                database.getCollection("snapshotevents").find(Filters.eq("aggregateIdentifier", member)).first() != null);

        DomainEventMessage<?> first = eventStore.readEvents(member).asStream().findFirst().orElseThrow();
        PointsAccount snapshot = assertInstanceOf(PointsAccount.class, first.getPayload(),
                "the account is sourced from its snapshot");
        Serializer state = axon.serializer();
        SerializedObject<String> serialized = state.serialize(snapshot, String.class);
        assertEquals(serialized.getData(), state.serialize(state.deserialize(serialized), String.class).getData());
        assertTrue(serialized.getData().contains(chain), serialized.getData());

        for (int other = 0; other < 3; other++) {
            enroll(chain);
        }
        JsonNode loaded = outside.json("/members/" + member + "/points");
        assertEquals(65, loaded.get("available").asLong(), "the account loaded from its snapshot: " + loaded);
        assertTrue(serialized.getData().contains("req-a"), "the answered request is in the snapshot");
        outside.sendCloudEvent(new PointsDebitRequested("req-all", member, chain, BigDecimal.valueOf(65), "reward:all", Instant.now()));
        outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedeemed", b -> b.get("balance").asLong() == 0);
    }

    @Test
    void aTransactionDeliveredSeveralTimesCountsOnce() throws Exception {
        String chain = "chain-" + UUID.randomUUID();
        String member = enroll(chain);
        String sale = transaction(chain, member, "t-dup", "25.00", "PURCHASE", null);

        for (int copy = 0; copy < 3; copy++) {
            outside.send(Topics.TRANSACTIONS, card(member), sale);
        }
        outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned", b -> true);
        commands.sendAndWait(new EarnPoints(member, Json.mapper().readValue(sale, PosTransaction.class)));
        purchase(chain, member, "t-next", "1.00", "PURCHASE", null);

        await().atMost(Outside.PATIENCE).untilAsserted(() ->
                assertEquals(26, outside.json("/members/" + member + "/points").get("balance").asLong()));
        assertEquals(1, outside.seen(Topics.POINTS, member, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-dup")).size());
        assertEquals(1, eventStore.readEvents(member, 0).asStream()
                .filter(e -> e.getPayload() instanceof PointsEarned earned && earned.transactionId().equals("t-dup"))
                .count());
    }

    private JsonNode figures(String member) {
        JsonNode balance = outside.json("/members/" + member + "/points");
        return Json.mapper().createObjectNode()
                .put("balance", balance.get("balance").asLong())
                .put("lifetimeEarned", balance.get("lifetimeEarned").asLong())
                .put("lifetimeRedeemed", balance.get("lifetimeRedeemed").asLong());
    }

    private JsonNode rebuild() {
        HttpResponse<String> response = outside.post("/admin/rebuild", "");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = Outside.read(response.body());
        assertNotEquals("", result.get("checksumAfter").asText());
        return result;
    }

    private String enroll(String chain) {
        outside.configureChain(chain, "EUR");
        String member = "m-" + UUID.randomUUID();
        outside.sendCloudEvent(new MemberEnrolled(member, chain, card(member), null, "en", Instant.now()));
        await().atMost(Outside.PATIENCE).until(() -> cards.memberFor(chain, card(member)).isPresent());
        return member;
    }

    private static String card(String member) {
        return "card-" + member;
    }

    private void purchase(String chain, String member, String transactionId, String total, String type,
                          String originalTransactionId) {
        outside.send(Topics.TRANSACTIONS, card(member),
                transaction(chain, member, transactionId, total, type, originalTransactionId));
    }

    private static String transaction(String chain, String member, String transactionId, String total, String type,
                                      String originalTransactionId) {
        TillRecord record = type.equals("RETURN")
                ? TillRecord.refund(chain, card(member), transactionId, total, originalTransactionId)
                : TillRecord.purchase(chain, card(member), transactionId, total);
        return record.atStore("store-1").json();
    }
}
