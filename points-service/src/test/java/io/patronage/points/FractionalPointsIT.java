package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.points.intake.CardDirectory;
import io.patronage.testsupport.TillRecord;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chain whose program keeps points with two decimals ({@code pointsDecimals: 2}), end to end through the embedded
 * Kafka broker, Mongo and HTTP: earnings, awards, tiers, HTTP redemptions and adjustments, a reward's debit request
 * and a till's points payment carry exact hundredths of a point, in the events on {@code loyalty.points.v1} and in
 * every answer; finer amounts are refused, and the chain's unit cannot change afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FractionalPointsIT implements TestPropertyProvider {

    /**
     * A tenth of a point per euro, rounded down to a hundredth; 2 points for a survey; GOLD from 5 points earned in 30
     * days; a till pays with at least 1 point.
     */
    private static final String PROGRAM = """
            {"version":"v1","pointsPerUnit":0.1,"rounding":"DOWN","pointsDecimals":2,"timeZone":"Europe/Helsinki",
             "currency":"EUR","pendingDays":0,"bonuses":{"engagement":{"SURVEY_COMPLETED":2}},
             "tiers":{"basis":"POINTS","windowDays":30,"levels":[{"name":"SILVER","threshold":0},
                                                                 {"name":"GOLD","threshold":5}]},
             "redemption":{"minimumPoints":1}}""";

    @Inject
    EmbeddedServer server;

    @Inject
    CardDirectory cards;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-fractional-it",
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
    void everyFigureOfAChainKeepingHundredthsIsExactInEventsAndAnswers() {
        String chain = "chain-" + UUID.randomUUID();
        // a point is worth a euro at the till
        outside.kafka().configureChain(new ChainConfigured(chain, "EUR", "Europe/Helsinki", "fi-FI", null, null,
                BigDecimal.ONE, Instant.now()));
        outside.awaitProgram(chain, PROGRAM);
        String member = "m-" + UUID.randomUUID();
        String card = "card-" + UUID.randomUUID();
        outside.enroll(cards, chain, member, card, "fi-FI");

        // 25.79 EUR earn 2.579 points, rounded down to 2.57
        till(card, TillRecord.purchase(chain, card, "t-1", "25.79").json());
        JsonNode earned = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned",
                body -> body.get("transactionId").asText().equals("t-1"));
        assertPoints("2.57", earned.get("points"));
        assertPoints("2.57", earned.get("balance"));
        assertPoints("2.57", earned.get("breakdown").get(0).get("points"));
        JsonNode firstTier = outside.awaitRecord(Topics.POINTS, member, "io.patronage.TierChanged", body -> true);
        assertEquals("SILVER", firstTier.get("toTier").asText());

        // 30.00 EUR earn 3.00: 5.57 earned in the window reach GOLD's threshold of 5 points
        till(card, TillRecord.purchase(chain, card, "t-2", "30.00").json());
        outside.awaitRecord(Topics.POINTS, member, "io.patronage.TierChanged",
                body -> body.get("toTier").asText().equals("GOLD"));
        JsonNode balance = awaitBalance(member, "5.57");
        assertTrue(balance.toString().contains("\"balance\":5.57"), "a plain number: " + balance);
        assertPoints("5.57", balance.get("available"));
        assertEquals("GOLD", balance.get("tier").asText());
        JsonNode lots = outside.json("/members/" + member + "/points/lots").get("lots");
        assertPoints("2.57", lots.get(0).get("earned"));
        assertPoints("3.00", lots.get(1).get("remaining"));
        assertPoints("2.57", outside.json("/members/" + member + "/points/transactions/t-1").get("points"));

        // a survey awards its 2 whole points
        outside.send(Topics.ENGAGEMENT, member, """
                {"engagementId":"e-1","chainId":"%s","memberId":"%s","type":"SURVEY_COMPLETED","score":9,
                 "occurredAt":"%s"}""".formatted(chain, member, Instant.now().atOffset(ZoneOffset.UTC)));
        assertPoints("2.00", outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsAwarded", body -> true)
                .get("points"));
        awaitBalance(member, "7.57");

        // over HTTP: a redemption of 1.5 points and an adjustment of 0.25; a thousandth is refused
        HttpResponse<String> redeemed = outside.post("/members/" + member + "/points/redemptions",
                "{\"requestId\":\"r-1\",\"points\":1.5,\"reason\":\"coffee\"}");
        assertEquals(201, redeemed.statusCode(), redeemed.body());
        assertPoints("1.50", Outside.read(redeemed.body()).get("redeemed"));
        assertPoints("6.07", Outside.read(redeemed.body()).get("balance"));
        HttpResponse<String> tooFine = outside.post("/members/" + member + "/points/redemptions",
                "{\"requestId\":\"r-2\",\"points\":0.005,\"reason\":\"coffee\"}");
        assertEquals(400, tooFine.statusCode(), tooFine.body());
        assertTrue(tooFine.body().contains("at most 2 decimals"), tooFine.body());
        HttpResponse<String> adjusted = outside.post("/members/" + member + "/points/adjustments",
                "{\"adjustmentId\":\"a-1\",\"points\":0.25,\"reason\":\"goodwill\"}");
        assertEquals(201, adjusted.statusCode(), adjusted.body());
        assertPoints("6.32", Outside.read(adjusted.body()).get("balance"));
        assertPoints("0.25", outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsAdjusted",
                body -> body.get("adjustmentId").asText().equals("a-1")).get("points"));

        // a reward's debit request of 0.32 points, and one finer than a hundredth, rejected
        outside.sendCloudEvent(new PointsDebitRequested("reward-1", member, chain, new BigDecimal("0.32"),
                "reward:sticker", Instant.now()));
        JsonNode debited = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedeemed",
                body -> body.get("requestId").asText().equals("reward-1"));
        assertPoints("0.32", debited.get("points"));
        assertPoints("6.00", debited.get("balance"));
        outside.sendCloudEvent(new PointsDebitRequested("reward-2", member, chain, new BigDecimal("0.001"),
                "reward:sticker", Instant.now()));
        JsonNode rejected = outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedemptionRejected",
                body -> body.get("requestId").asText().equals("reward-2"));
        assertEquals("INVALID_POINTS", rejected.get("reason").asText(), rejected.toString());

        // a till pays 1.25 EUR of 10.00 with 1.25 points; the other 8.75 earn 0.87
        String paid = TillRecord.purchase(chain, card, "t-3", "10.00").json();
        till(card, paid.substring(0, paid.lastIndexOf('}')) + ",\"pointsPayment\":{\"points\":1.25,\"amount\":\"1.25\"}}");
        assertPoints("1.25", outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsRedeemed",
                body -> body.get("requestId").asText().equals("till:" + chain + ":t-3")).get("points"));
        assertPoints("0.87", outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned",
                body -> body.get("transactionId").asText().equals("t-3")).get("points"));
        awaitBalance(member, "5.62");

        JsonNode statement = outside.json("/members/" + member + "/points/statement?size=50");
        assertPoints("5.62", statement.get("lines").get(0).get("balance"));
        assertPoints("0.87", statement.get("lines").get(0).get("points"));

        HttpResponse<String> whole = outside.post("/programs/" + chain + "/versions",
                PROGRAM.replace("\"v1\"", "\"v2\"").replace("\"pointsDecimals\":2", "\"pointsDecimals\":0"));
        assertEquals(422, whole.statusCode(), whole.body());
        assertEquals("urn:patronage:problem:points-unit-fixed", Outside.read(whole.body()).get("type").asText());
    }

    @Test
    void aChainWhoseMembersEarnedWholePointsUnderTheDefaultProgramCannotTakeDecimalsLater() {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String member = "m-" + UUID.randomUUID();
        String card = "card-" + UUID.randomUUID();
        outside.enroll(cards, chain, member, card, "fi-FI");
        till(card, TillRecord.purchase(chain, card, "t-1", "12.00").json());
        awaitBalance(member, "12");

        HttpResponse<String> refused = outside.post("/programs/" + chain + "/versions", PROGRAM);

        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("urn:patronage:problem:points-unit-fixed", Outside.read(refused.body()).get("type").asText());
        assertTrue(refused.body().contains("already hold points counted with 0 decimals"), refused.body());
        HttpResponse<String> whole = outside.post("/programs/" + chain + "/versions",
                PROGRAM.replace("\"pointsDecimals\":2", "\"pointsDecimals\":0"));
        assertEquals(201, whole.statusCode(), "whole points stay possible: " + whole.body());
    }

    private static void assertPoints(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), "expected " + expected + ": " + actual);
    }

    private void till(String card, String json) {
        outside.send(Topics.TRANSACTIONS, card, json);
    }

    private JsonNode awaitBalance(String member, String balance) {
        return await().atMost(Outside.PATIENCE).until(() -> {
            HttpResponse<String> response = outside.get("/members/" + member + "/points");
            assertEquals(200, response.statusCode(), response.body());
            return Outside.read(response.body());
        }, answer -> new BigDecimal(balance).compareTo(answer.get("balance").decimalValue()) == 0);
    }
}
