package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.security.Caller;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TillRecord;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code GET /members/{id}/points} answers every figure from one read: polled while a purchase is processed, every
 * answer adds up (available + pending = balance, without debt), and the first one that shows the purchase's points
 * shows them as pending, with the older points still available and both expiring soon. A document written before
 * the lots were kept is answered the same.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsistentBalanceIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops(Caller.EVERY_CHAIN));
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-consistent-it", Map.of(
                "patronage.points.program.pending-days", "14",
                "patronage.points.program.expiry-after-days", "25"));
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void everyAnswerAddsUpAndTheFirstWithThePurchaseShowsItPending() {
        String member = "m-" + UUID.randomUUID();
        String chain = "chain-" + UUID.randomUUID();
        String card = "card-" + UUID.randomUUID();
        kafka.send(new ChainConfigured(chain, "EUR", "Europe/Athens", "en", null, Instant.now()));
        kafka.send(new MemberEnrolled(member, chain, card, null, "en", Instant.now()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        kafka.sendTransaction(card, purchase("t-old", chain, card, now.minus(Duration.ofDays(20)), "40.00"));
        List<JsonNode> answers = pollUntilBalance(member, 40);
        JsonNode before = answers.get(answers.size() - 1);
        assertEquals(40, before.get("available").asLong(), before.toString());

        kafka.sendTransaction(card, purchase("t-new", chain, card, now, "25.00"));
        answers = pollUntilBalance(member, 65);

        JsonNode first = answers.get(answers.size() - 1);
        assertEquals(40, first.get("available").asLong(), first.toString());
        assertEquals(25, first.get("pending").asLong(), first.toString());
        assertEquals(0, first.get("debt").asLong(), first.toString());
        assertEquals(65, first.get("expiringSoon").asLong(), first.toString());
        assertTrue(answers.stream().allMatch(answer -> answer.get("balance").asLong() == 40
                || answer.get("balance").asLong() == 65), answers.toString());

        // as a version before the lots were kept wrote it: answered the same, from the log, and completed
        database.getCollection("balances").updateOne(Filters.eq("_id", member), Updates.combine(Updates.unset("lots"),
                Updates.unset("debt"), Updates.unset("tier"), Updates.unset("activity"), Updates.unset("activityFrom"),
                Updates.unset("frozen")));
        JsonNode older = service.getJson("/members/" + member + "/points");
        assertEquals(List.of(65L, 40L, 25L, 0L, 65L), List.of(older.get("balance").asLong(),
                older.get("available").asLong(), older.get("pending").asLong(), older.get("debt").asLong(),
                older.get("expiringSoon").asLong()), older.toString());
        Document completed = database.getCollection("balances").find(Filters.eq("_id", member)).first();
        assertEquals(2, completed.getList("lots", Document.class).size(), completed.toJson());
    }

    /**
     * Reads the points as often as it can until the balance is {@code balance}, checking that every answer adds up;
     * returns the answers in order, the last being the first that showed {@code balance}.
     */
    private List<JsonNode> pollUntilBalance(String member, long balance) {
        List<JsonNode> answers = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = service.get("/members/" + member + "/points");
            if (response.statusCode() == 404) {
                continue;
            }
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = HttpProbe.json(response);
            answers.add(answer);
            long debt = answer.get("debt").asLong();
            assertEquals(0, debt, answer.toString());
            assertEquals(answer.get("balance").asLong(),
                    answer.get("available").asLong() + answer.get("pending").asLong(),
                    "available + pending = balance in every answer: " + answer);
            assertTrue(answer.get("expiringSoon").asLong() <= answer.get("balance").asLong(), answer.toString());
            if (answer.get("balance").asLong() == balance) {
                return answers;
            }
        }
        return fail("no balance of " + balance + " within " + PATIENCE + "; answers: " + answers);
    }

    private static String purchase(String transactionId, String chain, String card, Instant at, String total) {
        return TillRecord.purchase(chain, card, transactionId, total).at(at).json();
    }
}
