package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TillRecord;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /members/{id}/points/lots} and the balance's {@code nextExpiry} through real Kafka, Mongo and HTTP:
 * purchases, a redemption that takes the oldest lot first, a return of part of a purchase and an adjustment leave
 * lots whose remaining points add up to the balance, soonest expiry first. A document written before the lots'
 * origins were kept is answered the same.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsLotsIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-lots-it", Map.of(
                "patronage.points.program.pending-days", "0",
                "patronage.points.program.expiry-after-days", "60"));
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
    void theOpenLotsSayWhatIsLeftOfEachCreditAndAddUpToTheBalance() {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String member = "m-" + UUID.randomUUID();
        String card = "card-" + UUID.randomUUID();
        outside.sendCloudEvent(new MemberEnrolled(member, chain, card, null, "en", Instant.now()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        outside.send(Topics.TRANSACTIONS, card, transaction(chain, card, "t-1", "PURCHASE", now.minus(days(10)),
                "40.00", null));
        outside.send(Topics.TRANSACTIONS, card, transaction(chain, card, "t-2", "PURCHASE", now.minus(days(5)),
                "30.00", null));
        outside.send(Topics.TRANSACTIONS, card, transaction(chain, card, "t-3", "PURCHASE", now.minus(days(1)),
                "20.00", null));
        awaitBalance(member, 90);

        outside.sendCloudEvent(new PointsDebitRequested("r-1", member, chain, BigDecimal.valueOf(25), "reward:mug", Instant.now()));
        awaitBalance(member, 65);
        outside.send(Topics.TRANSACTIONS, card, transaction(chain, card, "t-2-back", "RETURN", now, "15.00", "t-2"));
        awaitBalance(member, 50);
        HttpResponse<String> adjusted = outside.post("/members/" + member + "/points/adjustments",
                "{\"adjustmentId\":\"tkt-1\",\"points\":5,\"reason\":\"goodwill\",\"actor\":\"ops@it\"}");
        assertEquals(201, adjusted.statusCode(), adjusted.body());

        JsonNode balance = outside.json("/members/" + member + "/points");
        JsonNode answer = outside.json("/members/" + member + "/points/lots");

        assertEquals(55, balance.get("balance").asLong(), balance.toString());
        assertEquals(member, answer.get("memberId").asText());
        List<String> lots = new ArrayList<>();
        answer.get("lots").forEach(lot -> lots.add(lot.get("source").get("type").asText() + " "
                + lot.get("source").get("id").asText() + " " + lot.get("earned").asLong() + "/"
                + lot.get("remaining").asLong()));
        assertEquals(List.of("PURCHASE t-1 40/15", "PURCHASE t-2 30/15", "PURCHASE t-3 20/20", "ADJUSTMENT tkt-1 5/5"),
                lots, "the redemption took 25 of the oldest lot, the return half of its own; soonest expiry first");
        long remaining = 0;
        Instant previous = Instant.MIN;
        for (JsonNode lot : answer.get("lots")) {
            remaining += lot.get("remaining").asLong();
            Instant expiresAt = Instant.parse(lot.get("expiresAt").asText());
            assertTrue(expiresAt.isAfter(previous), answer.toString());
            assertEquals(lot.get("earnedAt").asText(), lot.get("availableAt").asText(), "no pending days");
            previous = expiresAt;
        }
        assertEquals(balance.get("available").asLong() + balance.get("pending").asLong(), remaining,
                "the lots hold what is available and pending (no debt)");
        assertEquals(balance.get("balance").asLong(), remaining);
        JsonNode oldest = answer.get("lots").get(0);
        assertEquals(Instant.parse(oldest.get("expiresAt").asText()),
                Instant.parse(balance.get("nextExpiry").get("expiresAt").asText()), balance.toString());
        assertEquals(15, balance.get("nextExpiry").get("points").asLong(), balance.toString());

        // as a version before the lots' origins were kept wrote it: answered the same, from the log, and completed
        MongoCollection<Document> balances = database.getCollection("balances");
        List<Document> withoutOrigins = balances.find(Filters.eq("_id", member)).first()
                .getList("lots", Document.class).stream().map(lot -> {
                    Document older = new Document(lot);
                    older.remove("earned");
                    older.remove("source");
                    return older;
                }).toList();
        balances.updateOne(Filters.eq("_id", member), Updates.set("lots", withoutOrigins));
        assertEquals(answer, outside.json("/members/" + member + "/points/lots"));
        assertTrue(balances.find(Filters.eq("_id", member)).first().getList("lots", Document.class).stream()
                .allMatch(lot -> lot.containsKey("source")), "completed in place");
    }

    @Test
    void aMemberWithoutPointsHasAnEmptyListOfLots() {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String member = "m-" + UUID.randomUUID();
        outside.sendCloudEvent(new MemberEnrolled(member, chain, "card-" + UUID.randomUUID(), null, "en", Instant.now()));
        awaitBalance(member, 0);

        JsonNode answer = outside.json("/members/" + member + "/points/lots");

        assertTrue(answer.get("lots").isArray(), answer.toString());
        assertEquals(0, answer.get("lots").size(), answer.toString());
    }

    @Test
    void anUnknownMembersLotsAreTheBalancesNotFound() {
        String stranger = "m-" + UUID.randomUUID();

        HttpResponse<String> lots = outside.get("/members/" + stranger + "/points/lots");
        HttpResponse<String> balance = outside.get("/members/" + stranger + "/points");

        assertEquals(404, lots.statusCode(), lots.body());
        assertEquals(balance.headers().firstValue("content-type"), lots.headers().firstValue("content-type"));
        JsonNode problem = Outside.read(lots.body());
        JsonNode balanceProblem = Outside.read(balance.body());
        for (String field : List.of("type", "title", "status", "detail")) {
            assertEquals(balanceProblem.get(field), problem.get(field), field);
        }
    }

    private void awaitBalance(String member, long balance) {
        await().atMost(Outside.PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = outside.get("/members/" + member + "/points");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(balance, Outside.read(response.body()).get("balance").asLong(), response.body());
        });
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static String transaction(String chain, String card, String transactionId, String type, Instant at,
                                      String total, String originalTransactionId) {
        TillRecord record = type.equals("RETURN")
                ? TillRecord.refund(chain, card, transactionId, total, originalTransactionId)
                : TillRecord.purchase(chain, card, transactionId, total);
        return record.at(at).json();
    }
}
