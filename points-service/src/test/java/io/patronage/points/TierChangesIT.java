package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.points.SimulatedTime.Member;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.patronage.points.SimulatedTime.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier changes through Kafka and HTTP on the simulated clock: the upgrade on the earning that reaches a threshold,
 * the downgrade at the review in each mode ({@code IMMEDIATE}, {@code NEVER}, {@code AFTER_GRACE} exactly
 * {@code graceDays} after the window last qualified), the window sliding; each change a {@code TierChanged} on
 * {@code loyalty.points.v1} and a {@code TIER_CHANGED} notification request on {@code loyalty.notifications.v1}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TierChangesIT implements TestPropertyProvider {

    /** Points earned over the last 30 days: SILVER from 100, GOLD from 300. */
    private static final String PROGRAM = """
            {"version":"v1","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
             "tiers":{"basis":"POINTS","windowDays":30,"downgrade":"%s","graceDays":%d,
                      "levels":[{"name":"SILVER","threshold":100},{"name":"GOLD","threshold":300}]}}""";
    private static final String TIER_CHANGED = "io.patronage.TierChanged";
    private static final String NOTIFICATION = "io.patronage.NotificationRequested";
    /** The review looks at tiers once a day (at midnight UTC). */
    private static final Duration REVIEW_EVERY = days(1);

    @Inject
    EmbeddedServer server;

    private Outside outside;
    private SimulatedTime time;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-tiers-it", Map.of(
                "patronage.clock.simulated", "true",
                "patronage.points.review-initial-delay", "1h"));
    }

    @BeforeAll
    void connect() {
        outside = new Outside(server.getPort(), Topics.POINTS, Topics.NOTIFICATIONS);
        time = new SimulatedTime(outside);
    }

    @AfterAll
    void disconnect() {
        outside.close();
    }

    @Test
    void theEarningThatReachesAThresholdUpgradesAtOnceAndTheMemberIsToldSo() {
        Member member = time.enroll(time.chainWithProgram(PROGRAM.formatted("IMMEDIATE", 0)));
        time.purchase(member, "t-1", "60.00");
        time.awaitBalance(member, "balance", 60);
        assertFalse(time.balance(member).has("tier"), "60 points qualify for nothing");
        assertEquals(40, time.balance(member).get("toNextTier").asLong(), "40 more to SILVER");

        Instant reaching = time.now();
        time.purchase(member, "t-2", "50.00");
        JsonNode silver = awaitTierChange(member, "SILVER");
        assertTrue(silver.get("fromTier").isNull(), silver.toString());
        assertEquals("QUALIFIED", silver.get("reason").asText());
        assertFalse(Instant.parse(silver.get("changedAt").asText()).isBefore(reaching.minusSeconds(1)),
                "changed at the purchase that reached 100: " + silver);
        JsonNode told = awaitNotification(member, "SILVER");
        assertFalse(told.get("parameters").has("fromTier"), "no tier before: " + told);
        assertEquals("QUALIFIED", told.get("parameters").get("reason").asText());
        assertFalse(told.get("marketing").asBoolean(), "transactional");
        JsonNode balance = time.awaitBalance(member, "balance", 110);
        assertEquals("SILVER", balance.get("tier").asText(), balance.toString());
        assertEquals("GOLD", balance.get("nextTier").asText());
        assertEquals(190, balance.get("toNextTier").asLong());

        time.purchase(member, "t-3", "200.00");
        JsonNode gold = awaitTierChange(member, "GOLD");
        assertEquals("SILVER", gold.get("fromTier").asText());
        assertEquals("SILVER", awaitNotification(member, "GOLD").get("parameters").get("fromTier").asText());
        assertEquals(2, changes(member).size(), "one change per threshold reached, none for the first 60 points");
    }

    @Test
    void eachDowngradeModeAtTheReview() {
        Member immediate = time.enroll(time.chainWithProgram(PROGRAM.formatted("IMMEDIATE", 0)));
        Member never = time.enroll(time.chainWithProgram(PROGRAM.formatted("NEVER", 0)));
        Member grace = time.enroll(time.chainWithProgram(PROGRAM.formatted("AFTER_GRACE", 10)));
        Instant bought = time.now();
        for (Member member : List.of(immediate, never, grace)) {
            time.purchase(member, "t-1", "150.00");
            awaitTierChange(member, "SILVER");
        }
        Instant windowEnds = bought.plus(days(30));

        time.advanceTo(windowEnds.minus(Duration.ofHours(1)));
        for (Member member : List.of(immediate, never, grace)) {
            assertEquals("SILVER", time.balance(member).get("tier").asText(), "the window still qualifies");
        }

        time.advanceTo(windowEnds.plus(REVIEW_EVERY));
        JsonNode fell = awaitTierChange(immediate, null);
        assertEquals("SILVER", fell.get("fromTier").asText());
        assertEquals("WINDOW_NO_LONGER_QUALIFIES", fell.get("reason").asText());
        assertAtTheFirstReviewAfter(windowEnds, fell);
        JsonNode told = awaitNotification(immediate, null);
        assertEquals("SILVER", told.get("parameters").get("fromTier").asText());
        assertFalse(told.get("parameters").has("toTier"), told.toString());
        assertFalse(time.balance(immediate).has("tier"));
        assertEquals("SILVER", time.balance(grace).get("tier").asText(), "within the grace days");

        Instant graceEnds = windowEnds.plus(days(10));
        time.advanceTo(graceEnds.minus(Duration.ofHours(1)));
        assertEquals("SILVER", time.balance(grace).get("tier").asText(), "the grace is not over yet");
        time.advanceTo(graceEnds.plus(REVIEW_EVERY));
        JsonNode afterGrace = awaitTierChange(grace, null);
        assertAtTheFirstReviewAfter(graceEnds, afterGrace);
        awaitNotification(grace, null);

        time.advanceTo(bought.plus(days(120)));
        assertEquals("SILVER", time.balance(never).get("tier").asText(), "NEVER keeps the tier");
        assertEquals(1, changes(never).size());
        assertEquals(2, changes(immediate).size(), "up once, down once");
    }

    @Test
    void theQualificationWindowSlides() {
        Member member = time.enroll(time.chainWithProgram(PROGRAM.formatted("IMMEDIATE", 0)));
        Instant first = time.now();
        time.purchase(member, "t-1", "250.00");
        awaitTierChange(member, "SILVER");

        time.advanceTo(first.plus(days(20)));
        time.purchase(member, "t-2", "120.00");
        JsonNode gold = awaitTierChange(member, "GOLD");
        assertEquals("SILVER", gold.get("fromTier").asText(), "250 + 120 within 30 days");

        time.advanceTo(first.plus(days(30)).plus(REVIEW_EVERY));
        JsonNode slid = outside.awaitRecord(Topics.POINTS, member.id(), TIER_CHANGED,
                b -> "GOLD".equals(b.get("fromTier").asText()));
        assertEquals("SILVER", slid.get("toTier").asText(), "the 250 left the window, the 120 is still in it");
        assertAtTheFirstReviewAfter(first.plus(days(30)), slid);

        time.advanceTo(first.plus(days(40)));
        time.purchase(member, "t-3", "100.00");
        time.awaitBalance(member, "balance", 470);
        assertEquals("SILVER", time.balance(member).get("tier").asText(),
                "220 over the window (120 + 100): no GOLD although 470 were earned in all");

        time.advanceTo(first.plus(days(70)).plus(REVIEW_EVERY));
        JsonNode none = awaitTierChange(member, null);
        assertEquals("SILVER", none.get("fromTier").asText());
        assertEquals(List.of("SILVER", "GOLD", "SILVER", "none"),
                changes(member).stream().map(c -> c.get("toTier").isNull() ? "none" : c.get("toTier").asText()).toList());
    }

    @Test
    void onTheBalanceARedemptionThatTakesItBelowTheThresholdDowngradesAtOnceUnderOnDrop() {
        Member member = time.enroll(time.chainWithProgram("""
                {"version":"v1","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
                 "tiers":{"basis":"BALANCE","downgrade":"ON_DROP",
                          "levels":[{"name":"SILVER","threshold":100},{"name":"GOLD","threshold":300}]}}"""));
        time.purchase(member, "t-1", "150.00");
        awaitTierChange(member, "SILVER");
        Instant before = time.now();

        time.redeem(member, "r-1", 100);

        JsonNode dropped = awaitTierChange(member, null);
        assertEquals("SILVER", dropped.get("fromTier").asText());
        assertEquals("BASIS_DROPPED", dropped.get("reason").asText(), "at once, not at a review: " + dropped);
        assertTrue(Instant.parse(dropped.get("changedAt").asText()).isBefore(before.plus(Duration.ofMinutes(5))),
                dropped.toString());
        assertEquals("BASIS_DROPPED", awaitNotification(member, null).get("parameters").get("reason").asText());
        JsonNode balance = time.awaitBalance(member, "balance", 50);
        assertFalse(balance.has("tier"), balance.toString());
        assertEquals(50, balance.get("toNextTier").asLong(), "50 more points held to be SILVER again");
    }

    @Test
    void onTheAvailablePointsPendingPointsCountAtTheReviewWhenTheyBecomeAvailable() {
        Member member = time.enroll(time.chainWithProgram("""
                {"version":"v1","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
                 "pendingDays":14,
                 "tiers":{"basis":"AVAILABLE","downgrade":"IMMEDIATE","levels":[{"name":"SILVER","threshold":100}]}}"""));
        time.purchase(member, "t-1", "150.00");
        time.awaitBalance(member, "pending", 150);
        JsonNode lot = outside.json("/members/" + member.id() + "/points/lots").get("lots").get(0);
        Instant availableAt = Instant.parse(lot.get("availableAt").asText());
        assertTrue(changes(member).isEmpty(), "pending points do not count");

        time.advanceTo(availableAt.plus(days(2)));

        JsonNode silver = awaitTierChange(member, "SILVER");
        Instant changedAt = Instant.parse(silver.get("changedAt").asText());
        assertTrue(!changedAt.isBefore(availableAt) && !changedAt.isAfter(availableAt.plusMillis(1)),
                "upgraded by the review due when the points became available (" + availableAt + "): " + silver);
        assertEquals("SILVER", time.balance(member).get("tier").asText());
    }

    @Test
    void aDraftWithTiersOnTheBalanceRatesEachPurchaseAtTheDraftsTier() {
        String program = """
                {"version":"%s","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR"%s}""";
        Member member = time.enroll(time.chainWithProgram(program.formatted("v1", "")));
        Instant from = time.now().minusSeconds(1);
        time.purchase(member, "t-1", "150.00");
        time.awaitBalance(member, "balance", 150);
        time.purchase(member, "t-2", "100.00");
        time.awaitBalance(member, "balance", 250);
        String draft = program.formatted("draft", """
                ,"tiers":{"basis":"BALANCE","downgrade":"ON_DROP",
                          "levels":[{"name":"SILVER","threshold":100,"multiplier":2}]}""");

        var response = outside.post("/programs/" + member.chain() + "/what-if",
                "{\"draft\":" + draft + ",\"from\":\"" + from + "\",\"to\":\"" + time.now().plusSeconds(5) + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Outside.read(response.body());
        assertEquals(250, report.get("issued").asLong(), report.toString());
        assertEquals(350, report.get("wouldIssue").asLong(),
                "t-1 earns 150 without a tier, which takes the balance to SILVER: t-2 earns 100 + 100 at x2");
        assertTrue(report.get("rules").toString().contains("\"rule\":\"tier:SILVER\",\"issued\":0,\"wouldIssue\":100"),
                report.toString());
    }

    /** The {@code TierChanged} of {@code member} to {@code toTier} ({@code null}: no tier), awaited. */
    private JsonNode awaitTierChange(Member member, String toTier) {
        return outside.awaitRecord(Topics.POINTS, member.id(), TIER_CHANGED, b -> toTier == null
                ? b.get("toTier").isNull() : toTier.equals(b.get("toTier").asText()));
    }

    private JsonNode awaitNotification(Member member, String toTier) {
        return outside.awaitRecord(Topics.NOTIFICATIONS, member.id(), NOTIFICATION,
                b -> b.get("kind").asText().equals("TIER_CHANGED") && (toTier == null
                        ? !b.get("parameters").has("toTier") : toTier.equals(b.get("parameters").path("toTier").asText())));
    }

    private List<JsonNode> changes(Member member) {
        return outside.seen(Topics.POINTS, member.id(), TIER_CHANGED, b -> true);
    }

    private static void assertAtTheFirstReviewAfter(Instant due, JsonNode change) {
        Instant at = Instant.parse(change.get("changedAt").asText());
        assertTrue(at.isAfter(due) && !at.isAfter(due.plus(REVIEW_EVERY)),
                "changed at the first daily review after " + due + ": " + change);
    }
}
