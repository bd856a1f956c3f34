package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.points.intake.CardDirectory;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TillRecord;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points paying for part of a purchase at the till, end to end through the embedded Kafka broker, Mongo and HTTP:
 * the debit and the earning on the rest, payments the program's limits or the balance refuse dead-lettered with
 * their reason, a partial return giving back its share of the points, and the same records resent counting once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsPaymentIT implements TestPropertyProvider {

    /** 1 point per euro, available at once; a till pays with at least 100 points, for at most half an order. */
    private static final String PROGRAM = """
            {"version":"v1","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
             "pendingDays":0,"redemption":{"minimumPoints":100,"maximumShareOfOrder":0.5}}""";

    @Inject
    EmbeddedServer server;

    @Inject
    CardDirectory cards;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-payment-it",
                Map.of("patronage.points.review-initial-delay", "1h"));
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
    void pointsPayPartOfAnOrderWithinTheLimitsAndAReturnGivesBackItsShare() {
        String chain = "chain-" + UUID.randomUUID();
        // one point is worth 1 cent
        outside.kafka().configureChain(new ChainConfigured(chain, "EUR", "Europe/Athens", "el-GR", null, null,
                new BigDecimal("0.01"), Instant.now()));
        outside.awaitProgram(chain, PROGRAM);
        String member = "m-" + UUID.randomUUID();
        String card = "card-" + UUID.randomUUID();
        outside.enroll(cards, chain, member, card, "el-GR");

        till(card, purchase(chain, card, "t-1", "300.00", null));
        awaitBalance(member, 300);

        // 200 points pay 2.00 of 40.00: debited, and only the other 38.00 earn
        String paid = purchase(chain, card, "t-2", "40.00", "{\"points\":200,\"amount\":\"2.00\"}");
        till(card, paid);
        JsonNode redeemed = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedeemed",
                body -> body.get("requestId").asText().equals("till:" + chain + ":t-2"));
        assertEquals(200, redeemed.get("points").asLong());
        JsonNode earned = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned",
                body -> body.get("transactionId").asText().equals("t-2"));
        assertEquals(38, earned.get("points").asLong(), earned.toString());
        awaitBalance(member, 300 - 200 + 38);

        // refused: above half the order, below the minimum points, more than the member has
        String tooLarge = purchase(chain, card, "t-3", "10.00", "{\"points\":600,\"amount\":\"6.00\"}");
        String tooFew = purchase(chain, card, "t-4", "100.00", "{\"points\":50,\"amount\":\"0.50\"}");
        String tooMany = purchase(chain, card, "t-5", "100.00", "{\"points\":500,\"amount\":\"5.00\"}");
        String worthOther = purchase(chain, card, "t-6", "100.00", "{\"points\":100,\"amount\":\"2.00\"}");
        till(card, tooLarge);
        till(card, tooFew);
        till(card, tooMany);
        till(card, worthOther);
        assertTrue(deadLetterReason("t-3").startsWith("points-payment-refused: ABOVE_MAXIMUM_SHARE"),
                deadLetterReason("t-3"));
        assertTrue(deadLetterReason("t-4").startsWith("points-payment-refused: BELOW_MINIMUM_POINTS"),
                deadLetterReason("t-4"));
        assertTrue(deadLetterReason("t-5").contains("INSUFFICIENT_POINTS"), deadLetterReason("t-5"));
        assertTrue(deadLetterReason("t-5").contains("138 are available"), deadLetterReason("t-5"));
        assertTrue(deadLetterReason("t-6").contains("pointsPayment.amount 2.00 is not what 100 points are worth"),
                deadLetterReason("t-6"));

        // a quarter of the order returned: a quarter of its earning reversed (9 of 38), of its points given back (50)
        String partialReturn = TillRecord.refund(chain, card, "r-1", "10.00", "t-2").json();
        till(card, partialReturn);
        JsonNode givenBack = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsAdjusted",
                body -> body.get("adjustmentId").asText().contains(":r-1:"));
        assertEquals(50, givenBack.get("points").asLong(), givenBack.toString());
        awaitBalance(member, 138 - 9 + 50);

        // resent, and then a sale of 10.00: the balance shows only the sale, each event was published once
        till(card, paid);
        till(card, partialReturn);
        till(card, purchase(chain, card, "t-7", "10.00", null));
        awaitBalance(member, 179 + 10);
        outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned",
                body -> body.get("transactionId").asText().equals("t-7"));
        // the member's events are published in order: t-7's earning comes after anything the resends published
        assertEquals(1, outside.seen(Topics.POINTS, member, "io.patronage.PointsRedeemed", body -> true).size());
        assertEquals(1, outside.seen(Topics.POINTS, member, "io.patronage.PointsAdjusted", body -> true).size());
        JsonNode statement = outside.json("/members/" + member + "/points/statement?size=50");
        long adjustments = 0;
        long redemptions = 0;
        for (JsonNode line : statement.get("lines")) {
            adjustments += line.get("kind").asText().equals("ADJUSTED") ? 1 : 0;
            redemptions += line.get("kind").asText().equals("REDEEMED") ? 1 : 0;
        }
        assertEquals(1, adjustments, statement.toString());
        assertEquals(1, redemptions, statement.toString());
    }

    private void till(String card, String json) {
        outside.send(Topics.TRANSACTIONS, card, json);
    }

    private String deadLetterReason(String transactionId) {
        ConsumerRecord<String, byte[]> deadLetter = outside.kafka().awaitDeadLetter(Topics.TRANSACTIONS,
                record -> Records.text(record).contains("\"transactionId\":\"" + transactionId + "\""));
        return Records.deadLetterReason(deadLetter);
    }

    private static String purchase(String chain, String card, String transactionId, String total, String payment) {
        String json = TillRecord.purchase(chain, card, transactionId, total).json();
        return payment == null ? json : json.substring(0, json.lastIndexOf('}')) + ",\"pointsPayment\":" + payment + "}";
    }

    private void awaitBalance(String member, long balance) {
        await().atMost(Outside.PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = outside.get("/members/" + member + "/points");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(balance, Outside.read(response.body()).get("balance").asLong(), response.body());
        });
    }
}
