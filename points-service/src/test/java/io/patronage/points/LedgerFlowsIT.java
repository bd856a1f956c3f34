package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.members.ReferralRegistered;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.points.intake.CardDirectory;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.review.AccountReviewJob;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TillRecord;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's flows end to end through real Kafka, Mongo and HTTP: a chain's program posted over REST, returns,
 * card replacement, opt-out, engagement and referral bonuses, adjustments with statement and {@code asOf}, the
 * review job, and 404s. Every test has its own chain and members.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFlowsIT implements TestPropertyProvider {

    /** 1 point per unit, wine doubled, points expire at the end of the 2nd day after earning, notice a day ahead. */
    private static final String PROGRAM = """
            {"version":"%s","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
             "multipliers":[{"scope":"CATEGORY","value":"wine","factor":2}],
             "bonuses":{"referrer":300,"referee":150,"engagement":{"SURVEY_COMPLETED":20}},
             "returnPolicy":"CLAMP_AT_ZERO","pendingDays":0,"expiry":{"afterDays":2,"notifyDaysBefore":1}}""";

    @Inject
    EmbeddedServer server;

    @Inject
    CardDirectory cards;

    @Inject
    EventStore eventStore;

    @Inject
    AccountReviewJob reviews;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-flows-it",
                Map.of("patronage.points.review-initial-delay", "1h"));
    }

    @BeforeAll
    void connect() {
        outside = new Outside(server.getPort(), Topics.POINTS, Topics.NOTIFICATIONS);
    }

    @AfterAll
    void disconnect() {
        outside.close();
    }

    @Test
    void aProgramVersionPostedOverRestRatesTheNextPurchase() {
        String chain = chain();
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions", PROGRAM.formatted("spring"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("spring", outside.json("/programs/" + chain).get("current").get("version").asText());
        Member member = enroll(chain);

        purchase(member, "t-1", "30.00", """
                [{"sku":"W-1","category":"wine","quantity":1,"unitPrice":"10.00"},
                 {"sku":"B-1","category":"bread","quantity":2,"unitPrice":"10.00"}]""");

        JsonNode earned = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsEarned", b -> true);
        assertEquals(40, earned.get("points").asLong(), "30 base + 10 for doubled wine");
        assertEquals("spring", earned.get("ruleVersion").asText());
        JsonNode explained = outside.json("/members/" + member.id + "/points/transactions/t-1");
        assertEquals("spring", explained.get("ruleVersion").asText());
        assertEquals(40, explained.get("points").asLong());
        assertEquals(409, outside.post("/programs/" + chain + "/versions",
                PROGRAM.formatted("spring").replace("\"pointsPerUnit\":1", "\"pointsPerUnit\":2")).statusCode());
        assertEquals(422, outside.post("/programs/" + chain + "/versions",
                PROGRAM.formatted("old").replace("{\"version\"", "{\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"version\"")).statusCode());
    }

    @Test
    void aDraftIsReRatedOnThePeriodsPurchasesWithoutWritingEvents() {
        Member member = enrollWithProgram();
        Instant from = Instant.now().minusSeconds(1);
        purchase(member, "t-1", "30.00", """
                [{"sku":"W-1","category":"wine","quantity":1,"unitPrice":"10.00"},
                 {"sku":"B-1","category":"bread","quantity":2,"unitPrice":"10.00"}]""");
        awaitBalance(member, 40);
        String draft = PROGRAM.formatted("draft").replace("\"pointsPerUnit\":1", "\"pointsPerUnit\":2")
                .replace("\"factor\":2", "\"factor\":3");

        HttpResponse<String> response = outside.post("/programs/" + member.chain + "/what-if",
                "{\"draft\":" + draft + ",\"from\":\"" + from + "\",\"to\":\"" + Instant.now().plusSeconds(5) + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Outside.read(response.body());
        assertEquals(1, report.get("purchases").asInt(), report.toString());
        assertEquals(40, report.get("issued").asLong());
        assertEquals(100, report.get("wouldIssue").asLong(), "60 base + 2 x 20 for tripled wine");
        JsonNode base = report.get("rules").get(0);
        assertEquals("base", base.get("rule").asText());
        assertEquals(30, base.get("issued").asLong());
        assertEquals(60, base.get("wouldIssue").asLong());
        assertEquals(1, outside.json("/members/" + member.id + "/points/statement").get("total").asInt(),
                "nothing written");
        assertEquals(400, outside.post("/programs/" + member.chain + "/what-if", "{\"draft\":" + draft
                + ",\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}").statusCode());
    }

    /** Micronaut decodes these text bodies with the charset the request names; an unknown one was a 500. */
    @Test
    void aProgramOrDraftInACharsetNobodyKnowsIsRefusedWith415() {
        String chain = chain();
        for (String path : List.of("/programs/" + chain + "/versions", "/programs/" + chain + "/what-if")) {
            for (String charset : List.of("nonsense", "}{")) {
                HttpResponse<String> response = outside.post(path, "application/json; charset=" + charset,
                        PROGRAM.formatted("charset"));

                assertEquals(415, response.statusCode(), path + " " + charset + ": " + response.body());
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            }
        }
    }

    @Test
    void theRuleVocabularyRatesAPurchaseAndADraftOverHttpAndKafka() {
        String chain = chain();
        String vocabulary = """
                {"version":"%s","pointsPerUnit":1,"rounding":"DOWN","roundingPer":"RULE","stacking":"%s",
                 "timeZone":"Europe/Athens","currency":"EUR","pendingDays":0,
                 "multipliers":[{"scope":"CATEGORY","value":"wine","factor":1.75},{"scope":"SKU","value":"W-1","factor":1.5}],
                 "includeOnly":{"categories":["wine","bread"]},
                 "bonuses":{"skusOnce":{"B-1":20}}}""";
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions",
                vocabulary.formatted("vocabulary", "MULTIPLICATIVE"));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> invalid = outside.post("/programs/" + chain + "/versions",
                vocabulary.formatted("bad", "SIDEWAYS"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("stacking: invalid value SIDEWAYS"), invalid.body());
        Member member = enroll(chain);
        Instant from = Instant.now().minusSeconds(1);

        purchase(member, "t-1", "33.00", """
                [{"sku":"W-1","category":"wine","quantity":1,"unitPrice":"10.00"},
                 {"sku":"B-1","category":"bread","quantity":2,"unitPrice":"10.00"},
                 {"sku":"G-1","category":"gift-cards","quantity":1,"unitPrice":"3.00"}]""");

        JsonNode earned = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsEarned", b -> true);
        assertEquals(65, earned.get("points").asLong(),
                "30 base (gift cards not included) + wine 7.5 and 8.75 (1.75 x 1.5) each rounded down + 20 once for B-1");
        awaitBalance(member, 65);
        HttpResponse<String> response = outside.post("/programs/" + chain + "/what-if", "{\"draft\":"
                + vocabulary.formatted("draft", "ADDITIVE") + ",\"from\":\"" + from + "\",\"to\":\""
                + Instant.now().plusSeconds(5) + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Outside.read(response.body());
        assertEquals(65, report.get("issued").asLong(), report.toString());
        assertEquals(62, report.get("wouldIssue").asLong(), "additively the SKU multiplier adds 5, not 8");
    }

    @Test
    void aDayCapLimitsPurchasesThroughKafkaAReturnTakesBackWhatWasCreditedAndADraftIsReRatedWithItsOwnCap() {
        String chain = chain();
        String capped = """
                {"version":"%s","pointsPerUnit":1,"timeZone":"Europe/Athens","currency":"EUR","maxPointsPerDay":%d,
                 "maxPointsPerPeriod":{"points":1000,"period":"%s"}}""";
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions", capped.formatted("caps", 50, "MONTH"));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> invalid = outside.post("/programs/" + chain + "/versions",
                capped.formatted("bad", 50, "WEEK"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("maxPointsPerPeriod.period: invalid value WEEK"), invalid.body());
        Member member = enroll(chain);
        Instant from = Instant.now().minusSeconds(1);
        Instant at = Instant.now().plusSeconds(1); // one instant, so one day whenever the test runs

        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.purchase(chain, member.card, "t-1", "30.00").at(at).json());
        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.purchase(chain, member.card, "t-2", "40.00").at(at).json());

        JsonNode second = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-2"));
        assertEquals(20, second.get("points").asLong(), "50 a day, 30 of them earned by t-1");
        awaitBalance(member, 50);
        JsonNode explained = outside.json("/members/" + member.id + "/points/transactions/t-2");
        assertEquals("cap:day", explained.get("breakdown").get(1).get("rule").asText(), explained.toString());
        assertEquals(-20, explained.get("breakdown").get(1).get("points").asLong());

        outside.send(Topics.TRANSACTIONS, member.card,
                TillRecord.refund(chain, member.card, "r-2", "40.00", "t-2").at(at).json());
        JsonNode reversed = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsReversed", b -> true);
        assertEquals(20, reversed.get("points").asLong(), "what t-2 credited, not the 40 it would have earned");
        awaitBalance(member, 30);

        HttpResponse<String> response = outside.post("/programs/" + chain + "/what-if", "{\"draft\":"
                + capped.formatted("draft", 60, "MONTH") + ",\"from\":\"" + from + "\",\"to\":\""
                + Instant.now().plusSeconds(5) + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Outside.read(response.body());
        assertEquals(50, report.get("issued").asLong(), report.toString());
        assertEquals(60, report.get("wouldIssue").asLong(), "t-2 gets what the draft's day leaves after t-1: 30");
        JsonNode dayCap = report.get("rules").get(1);
        assertEquals("cap:day", dayCap.get("rule").asText(), report.toString());
        assertEquals(-20, dayCap.get("issued").asLong());
        assertEquals(-10, dayCap.get("wouldIssue").asLong());
    }

    @Test
    void aTillRedemptionAboveTheBalanceIsClampedOverHttpButARewardsDebitRequestIsRejected() {
        String chain = chain();
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions", PROGRAM.formatted("clamp")
                .replace("\"pendingDays\":0", "\"pendingDays\":0,\"overBalanceRedemption\":\"CLAMP\""));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> invalid = outside.post("/programs/" + chain + "/versions", PROGRAM.formatted("bad")
                .replace("\"pendingDays\":0", "\"pendingDays\":0,\"overBalanceRedemption\":\"SOME\""));
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("overBalanceRedemption: invalid value SOME (one of REJECT, CLAMP)"),
                invalid.body());
        Member member = enroll(chain);
        purchase(member, "t-1", "40.00", "[]");
        awaitBalance(member, 40);

        String request = "{\"requestId\":\"till-1\",\"points\":50,\"reason\":\"till:t-9\"}";
        HttpResponse<String> clamped = outside.post("/members/" + member.id + "/points/redemptions", request);
        assertEquals(201, clamped.statusCode(), clamped.body());
        JsonNode answer = Outside.read(clamped.body());
        assertEquals(50, answer.get("requested").asLong(), answer.toString());
        assertEquals(40, answer.get("redeemed").asLong());
        assertEquals(0, answer.get("balance").asLong());
        HttpResponse<String> again = outside.post("/members/" + member.id + "/points/redemptions", request);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(answer, Outside.read(again.body()), "a repeat gets the same answer and debits nothing");
        JsonNode published = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsRedeemed",
                b -> b.get("requestId").asText().equals("till-1"));
        assertEquals(40, published.get("points").asLong(), "what was debited");
        assertEquals(400, outside.post("/members/" + member.id + "/points/redemptions",
                "{\"requestId\":\"till-2\",\"points\":5}").statusCode(), "reason is required");
        HttpResponse<String> nothingLeft = outside.post("/members/" + member.id + "/points/redemptions",
                "{\"requestId\":\"till-3\",\"points\":5,\"reason\":\"till:t-10\"}");
        assertEquals(409, nothingLeft.statusCode(), nothingLeft.body());
        assertEquals("urn:patronage:problem:redemption-rejected", Outside.read(nothingLeft.body()).get("type").asText());

        purchase(member, "t-2", "30.00", "[]");
        awaitBalance(member, 30);
        outside.sendCloudEvent(new PointsDebitRequested("reward-1", member.id, chain, BigDecimal.valueOf(50), "reward:mug", Instant.now()));
        JsonNode rejected = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsRedemptionRejected",
                b -> b.get("requestId").asText().equals("reward-1"));
        assertEquals("INSUFFICIENT_POINTS", rejected.get("reason").asText(), "a reward is never paid in part");
        awaitBalance(member, 30);
    }

    @Test
    void aRefundWithoutTheOriginalTransactionIsMatchedToTheNewestPurchasesOfItsSkusThroughKafka() {
        Member member = enrollWithProgram();
        Instant now = Instant.now();
        String tea = "{\"sku\":\"A\",\"category\":\"tea\",\"quantity\":%d,\"unitPrice\":\"10.00\"}";
        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.purchase(member.chain, member.card, "t-1", "30.00")
                .withLines("[" + tea.formatted(2) + ",{\"sku\":\"B\",\"category\":\"mug\",\"quantity\":1,\"unitPrice\":\"10.00\"}]")
                .at(now.plusSeconds(1)).json());
        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.purchase(member.chain, member.card, "t-2", "10.00")
                .withLines("[" + tea.formatted(1) + "]").at(now.plusSeconds(2)).json());
        awaitBalance(member, 40);

        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.refund(member.chain, member.card, "r-1", "20.00", null)
                .withLines("[" + tea.formatted(2) + "]").at(now.plusSeconds(3)).json());

        awaitBalance(member, 20);
        outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsReversed",
                b -> b.get("transactionId").asText().equals("r-1") && b.get("originalTransactionId").asText().equals("t-1"));
        List<JsonNode> first = outside.seen(Topics.POINTS, member.id, "io.patronage.PointsReversed",
                b -> b.get("transactionId").asText().equals("r-1"));
        assertEquals(List.of("t-2", "t-1"), first.stream().map(b -> b.get("originalTransactionId").asText()).toList(),
                "the newest purchase first: " + first);
        assertEquals(List.of(10L, 10L), first.stream().map(b -> b.get("points").asLong()).toList());

        outside.send(Topics.TRANSACTIONS, member.card, TillRecord.refund(member.chain, member.card, "r-2", "50.00", null)
                .withLines("[" + tea.formatted(5) + "]").at(now.plusSeconds(4)).json());
        JsonNode second = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsReversed",
                b -> b.get("transactionId").asText().equals("r-2"));
        assertEquals("t-1", second.get("originalTransactionId").asText());
        assertEquals(10, second.get("points").asLong(), "the one unit of A left: never beyond what was bought and earned");
        awaitBalance(member, 10);
        JsonNode explained = outside.json("/members/" + member.id + "/points/transactions/t-1");
        assertEquals(2, explained.get("returns").size(), explained.toString());
    }

    @Test
    void aDraftKeepingPointsWithDecimalsIsReRatedInThemButCannotChangeTheUnitOfAChainsPoints() {
        Member member = enrollWithProgram();
        Instant from = Instant.now().minusSeconds(1);
        purchase(member, "t-1", "25.79", "[]");
        awaitBalance(member, 25);
        String draft = PROGRAM.formatted("tenths").replace("\"pointsPerUnit\":1", "\"pointsPerUnit\":0.1,\"pointsDecimals\":2");

        HttpResponse<String> response = outside.post("/programs/" + member.chain + "/what-if",
                "{\"draft\":" + draft + ",\"from\":\"" + from + "\",\"to\":\"" + Instant.now().plusSeconds(5) + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Outside.read(response.body());
        assertEquals(0, new BigDecimal("25").compareTo(report.get("issued").decimalValue()), report.toString());
        assertEquals(0, new BigDecimal("2.57").compareTo(report.get("wouldIssue").decimalValue()), report.toString());
        assertEquals(0, new BigDecimal("-22.43").compareTo(report.get("difference").decimalValue()), report.toString());
        assertTrue(response.body().contains("\"issued\":25.00,"), "with the draft's decimals: " + response.body());
        HttpResponse<String> posted = outside.post("/programs/" + member.chain + "/versions", draft);
        assertEquals(422, posted.statusCode(), posted.body());
        assertEquals("urn:patronage:problem:points-unit-fixed", Outside.read(posted.body()).get("type").asText());
        assertTrue(Outside.read(posted.body()).get("detail").asText().contains("keeps points with 0 decimals"),
                posted.body());
    }

    @Test
    void partialThenFullReturnsReverseWhatWasEarnedAndNeverMore() {
        Member member = enrollWithProgram();
        purchase(member, "t-1", "100.00", "[]");
        awaitBalance(member, 100);

        refund(member, "r-1", "t-1", "30.00");
        JsonNode partial = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsReversed",
                b -> b.get("transactionId").asText().equals("r-1"));
        assertEquals(30, partial.get("points").asLong());
        awaitBalance(member, 70);

        refund(member, "r-2", "t-1", "70.00");
        refund(member, "r-3", "t-1", "50.00");
        refund(member, "r-2", "t-1", "70.00");
        JsonNode rest = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsReversed",
                b -> b.get("transactionId").asText().equals("r-2"));
        assertEquals(70, rest.get("points").asLong());
        purchase(member, "t-2", "5.00", "[]");
        awaitBalance(member, 5);

        long reversed = outside.seen(Topics.POINTS, member.id, "io.patronage.PointsReversed", b -> true).stream()
                .mapToLong(b -> b.get("points").asLong()).sum();
        assertEquals(100, reversed, "never beyond what was earned");
        JsonNode balance = outside.json("/members/" + member.id + "/points");
        assertEquals(5, balance.get("lifetimeEarned").asLong(), "earned net of returns");
        assertEquals(2, outside.json("/members/" + member.id + "/points/transactions/t-1").get("returns").size());
    }

    @Test
    void aReplacedCardStopsEarningAndTheNewOneEarnsIntoTheSameAccount() {
        Member member = enrollWithProgram();
        String newCard = "card-" + UUID.randomUUID();
        outside.sendCloudEvent(new CardReplaced(member.id, member.chain, member.card, newCard, Instant.now()));
        await().atMost(Outside.PATIENCE).until(() -> cards.memberFor(member.chain, newCard).isPresent());

        outside.send(Topics.TRANSACTIONS, newCard, transaction(member.chain, member.card, "t-old", "PURCHASE", "50.00", "[]", null));
        outside.send(Topics.TRANSACTIONS, newCard, transaction(member.chain, newCard, "t-new", "PURCHASE", "20.00", "[]", null));

        awaitBalance(member, 20);
        outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-new"));
        assertTrue(cards.memberFor(member.chain, member.card).isEmpty());
        assertEquals(1, outside.seen(Topics.POINTS, member.id, "io.patronage.PointsEarned", b -> true).size());
    }

    @Test
    void anOptedOutMemberEarnsNothingMore() {
        Member member = enrollWithProgram();
        Member other = enroll(member.chain);
        purchase(member, "t-1", "10.00", "[]");
        awaitBalance(member, 10);

        outside.sendCloudEvent(new MemberOptedOut(member.id, member.chain, Instant.now()));
        awaitEvent(member.id, MembershipEnded.class);
        outside.send(Topics.TRANSACTIONS, "k-" + member.id, transaction(member.chain, member.card, "t-2", "PURCHASE", "50.00", "[]", null));
        outside.send(Topics.ENGAGEMENT, member.id, engagement(member, "e-1"));
        outside.send(Topics.TRANSACTIONS, "k-" + member.id, transaction(member.chain, other.card, "t-3", "PURCHASE", "7.00", "[]", null));
        outside.send(Topics.ENGAGEMENT, member.id, engagement(other, "e-2"));

        awaitBalance(other, 27);
        assertEquals(10, outside.json("/members/" + member.id + "/points").get("balance").asLong());
        assertTrue(cards.memberFor(member.chain, member.card).isEmpty());
    }

    @Test
    void aCompletedSurveyEarnsTheEngagementBonusOnce() {
        Member member = enrollWithProgram();

        outside.send(Topics.ENGAGEMENT, member.id, engagement(member, "e-1"));
        outside.send(Topics.ENGAGEMENT, member.id, engagement(member, "e-1"));

        JsonNode awarded = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsAwarded", b -> true);
        assertEquals(20, awarded.get("points").asLong());
        assertEquals("SURVEY_COMPLETED", awarded.get("rule").asText());
        purchase(member, "t-1", "1.00", "[]");
        awaitBalance(member, 21);
    }

    @Test
    void aRefereesFirstPurchaseEarnsBothReferralBonuses() {
        Member referrer = enrollWithProgram();
        Member referee = enroll(referrer.chain);
        outside.sendCloudEvent(new ReferralRegistered(referee.id, referee.chain, referrer.id, Instant.now()));
        awaitEvent(referee.id, ReferralRecorded.class);

        purchase(referee, "t-1", "10.00", "[]");
        purchase(referee, "t-2", "10.00", "[]");

        JsonNode first = outside.awaitRecord(Topics.POINTS, referee.id, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-1"));
        assertEquals(160, first.get("points").asLong(), first.toString());
        JsonNode award = outside.awaitRecord(Topics.POINTS, referrer.id, "io.patronage.PointsAwarded", b -> true);
        assertEquals(300, award.get("points").asLong());
        awaitBalance(referee, 170);
        awaitBalance(referrer, 300);
    }

    @Test
    void aCreditAdjustmentWithItsOwnExpiryIsALotExpiringThen() {
        Member member = enrollWithProgram();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"adjustmentId\":\"%s\",\"points\":%d,\"reason\":\"goodwill\",\"actor\":\"ops@it\","
                + "\"expiresAt\":\"%s\"}";
        HttpResponse<String> past = outside.post("/members/" + member.id + "/points/adjustments",
                body.formatted("adj-past", 5, Instant.now().minus(Duration.ofDays(1))));
        assertEquals(400, past.statusCode(), past.body());
        assertTrue(past.body().contains("expiresAt"), past.body());
        HttpResponse<String> debit = outside.post("/members/" + member.id + "/points/adjustments",
                body.formatted("adj-debit", -5, expiresAt));
        assertEquals(400, debit.statusCode(), debit.body());
        assertTrue(debit.body().contains("expiresAt"), debit.body());
        // Beyond what a stored date holds: refused, and the account takes the next adjustment as before.
        HttpResponse<String> far = outside.post("/members/" + member.id + "/points/adjustments",
                body.formatted("adj-far", 5, "+999999999-12-31T23:59:59Z"));
        assertEquals(400, far.statusCode(), far.body());
        assertTrue(far.body().contains("expiresAt must be at most") && !far.body().contains("Exception"), far.body());
        HttpResponse<String> longId = outside.post("/members/" + member.id + "/points/adjustments",
                body.formatted("a".repeat(5_000), 5, expiresAt));
        assertEquals(400, longId.statusCode(), longId.body());
        assertTrue(longId.body().contains("adjustmentId must be at most 500 characters"), longId.body());

        HttpResponse<String> credit = outside.post("/members/" + member.id + "/points/adjustments",
                body.formatted("adj-1", 25, expiresAt));
        assertEquals(201, credit.statusCode(), credit.body());

        JsonNode lots = outside.json("/members/" + member.id + "/points/lots").get("lots");
        assertEquals(1, lots.size(), lots.toString());
        assertEquals("adj-1", lots.get(0).get("source").get("id").asText(), lots.toString());
        assertEquals(expiresAt, Instant.parse(lots.get(0).get("expiresAt").asText()), lots.toString());
    }

    @Test
    void adjustmentsShowInTheStatementAndTheBalanceAsOfAnEarlierInstant() {
        Member member = enrollWithProgram();
        purchase(member, "t-1", "50.00", "[]");
        awaitBalance(member, 50);

        assertEquals(201, adjust(member, "adj-1", 25).statusCode());
        Instant between = Instant.now();
        await().atMost(Outside.PATIENCE).until(() -> Instant.now().isAfter(between.plusMillis(5)));
        HttpResponse<String> debit = adjust(member, "adj-2", -60);
        assertEquals(201, debit.statusCode(), debit.body());
        assertEquals(15, Outside.read(debit.body()).get("balance").asLong());
        assertEquals(201, adjust(member, "adj-2", -60).statusCode(), "the same adjustment counts once");
        HttpResponse<String> overdraw = adjust(member, "adj-3", -100);
        assertEquals(409, overdraw.statusCode(), overdraw.body());
        HttpResponse<String> noReason = outside.post("/members/" + member.id + "/points/adjustments",
                "{\"points\":5,\"actor\":\"ops\"}");
        assertEquals(400, noReason.statusCode(), noReason.body());

        awaitBalance(member, 15);
        outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsAdjusted", b -> b.get("points").asLong() == -60);
        JsonNode statement = outside.json("/members/" + member.id + "/points/statement?size=2");
        assertEquals(3, statement.get("total").asInt());
        JsonNode newest = statement.get("lines").get(0);
        assertEquals("ADJUSTED", newest.get("kind").asText());
        assertEquals(-60, newest.get("points").asLong());
        assertEquals(15, newest.get("balance").asLong());
        assertEquals(2, statement.get("lines").size());
        JsonNode then = outside.json("/members/" + member.id + "/points?asOf=" + between);
        assertEquals(75, then.get("balance").asLong(), then.toString());
        assertEquals(400, outside.get("/members/" + member.id + "/points?asOf=yesterday").statusCode());
    }

    @Test
    void theReviewJobAnnouncesThenExpiresALot() {
        Member member = enrollWithProgram();
        purchase(member, "t-1", "40.00", "[]");
        awaitBalance(member, 40);
        JsonNode lot = outside.json("/members/" + member.id + "/points/transactions/t-1");
        Instant expiresAt = Instant.parse(lot.get("expiresAt").asText());

        assertTrue(reviews.review(expiresAt.minus(Duration.ofHours(12))) >= 1);
        JsonNode notice = outside.awaitRecord(Topics.NOTIFICATIONS, member.id, "io.patronage.NotificationRequested",
                b -> b.get("kind").asText().equals("POINTS_EXPIRING"));
        assertEquals("40", notice.get("parameters").get("points").asText(), notice.toString());
        assertEquals(40, outside.json("/members/" + member.id + "/points").get("balance").asLong());

        reviews.review(expiresAt.plusSeconds(1));
        reviews.review(expiresAt.plusSeconds(2));
        JsonNode expired = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsExpired", b -> true);
        assertEquals(40, expired.get("points").asLong());
        // what each published event changed in the member's expiring points: the earning's lot, then its expiry
        JsonNode earned = outside.awaitRecord(Topics.POINTS, member.id, "io.patronage.PointsEarned", b -> true);
        assertExpiryChange(earned, expiresAt, 40);
        assertExpiryChange(expired, expiresAt, -40);
        awaitBalance(member, 0);
        assertEquals(1, outside.seen(Topics.POINTS, member.id, "io.patronage.PointsExpired", b -> true).size());
        assertEquals(1, outside.seen(Topics.NOTIFICATIONS, member.id, "io.patronage.NotificationRequested",
                b -> b.get("kind").asText().equals("POINTS_EXPIRING")).size());
    }

    private static void assertExpiryChange(JsonNode event, Instant expiresAt, long points) {
        JsonNode changes = event.get("expiryChanges");
        assertEquals(1, changes.size(), event.toString());
        assertEquals(expiresAt, Instant.parse(changes.get(0).get("expiresAt").asText()), event.toString());
        assertEquals(points, changes.get(0).get("points").asLong(), event.toString());
    }

    @Test
    void theClockCannotBeMovedWithoutTheSimulatedClock() {
        assertEquals(404, outside.get("/admin/clock").statusCode());
        assertEquals(404, outside.post("/admin/clock", "{\"advanceTo\":\"2099-01-01T00:00:00Z\"}").statusCode());
    }

    @Test
    void everyMemberEndpointAnswers404ForAnUnknownMember() {
        String stranger = "m-" + UUID.randomUUID();
        List<HttpResponse<String>> answers = List.of(
                outside.get("/members/" + stranger + "/points"),
                outside.get("/members/" + stranger + "/points?asOf=2026-01-01T00:00:00Z"),
                outside.get("/members/" + stranger + "/points/transactions/t-1"),
                outside.get("/members/" + stranger + "/points/statement"),
                outside.post("/members/" + stranger + "/points/adjustments",
                        "{\"points\":5,\"reason\":\"goodwill\",\"actor\":\"ops\"}"));
        for (HttpResponse<String> answer : answers) {
            assertEquals(404, answer.statusCode(), answer.uri() + " " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElseThrow());
            assertEquals("urn:patronage:problem:not-found", Outside.read(answer.body()).get("type").asText());
        }
    }

    @Test
    void programsOfAnUnknownChainAre404AndAProgramInAnotherCurrencyThanTheChainsIs422() {
        String unknown = "chain-never-configured-" + UUID.randomUUID();
        List<HttpResponse<String>> answers = List.of(
                outside.post("/programs/" + unknown + "/versions", PROGRAM.formatted("v1")),
                outside.post("/programs/" + unknown + "/what-if", "{\"draft\":" + PROGRAM.formatted("d")
                        + ",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\"}"));
        for (HttpResponse<String> answer : answers) {
            assertEquals(404, answer.statusCode(), answer.uri() + " " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElseThrow());
            assertEquals("urn:patronage:problem:unknown-chain", Outside.read(answer.body()).get("type").asText());
        }

        HttpResponse<String> dollars = outside.post("/programs/" + chain() + "/versions",
                PROGRAM.formatted("v1").replace("\"currency\":\"EUR\"", "\"currency\":\"USD\""));
        assertEquals(422, dollars.statusCode(), dollars.body());
        assertTrue(dollars.body().contains("is not the chain's currency EUR"), dollars.body());
    }

    private record Member(String id, String chain, String card) {
    }

    private String chain() {
        return outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
    }

    private Member enrollWithProgram() {
        String chain = chain();
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions", PROGRAM.formatted("v1"));
        assertEquals(201, created.statusCode(), created.body());
        return enroll(chain);
    }

    private Member enroll(String chain) {
        Member member = new Member("m-" + UUID.randomUUID(), chain, "card-" + UUID.randomUUID());
        outside.sendCloudEvent(new MemberEnrolled(member.id, chain, member.card, MonthDay.of(6, 15),
                "el-GR", Instant.now()));
        await().atMost(Outside.PATIENCE).until(() -> cards.memberFor(chain, member.card).isPresent());
        return member;
    }

    private void awaitEvent(String memberId, Class<?> type) {
        await().atMost(Outside.PATIENCE).until(() -> eventStore.readEvents(memberId).asStream()
                .anyMatch(message -> type.isInstance(message.getPayload())));
    }

    private void awaitBalance(Member member, long balance) {
        await().atMost(Outside.PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = outside.get("/members/" + member.id + "/points");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(balance, Outside.read(response.body()).get("balance").asLong(), response.body());
        });
    }

    private HttpResponse<String> adjust(Member member, String adjustmentId, long points) {
        return outside.post("/members/" + member.id + "/points/adjustments",
                "{\"adjustmentId\":\"%s\",\"points\":%d,\"reason\":\"goodwill\",\"actor\":\"ops@it\"}"
                        .formatted(adjustmentId, points));
    }

    private void purchase(Member member, String transactionId, String total, String lines) {
        outside.send(Topics.TRANSACTIONS, member.card,
                transaction(member.chain, member.card, transactionId, "PURCHASE", total, lines, null));
    }

    private void refund(Member member, String transactionId, String originalTransactionId, String total) {
        outside.send(Topics.TRANSACTIONS, member.card,
                transaction(member.chain, member.card, transactionId, "RETURN", total, "[]", originalTransactionId));
    }

    /** A till record stamped now (after the program version took effect). */
    private static String transaction(String chain, String card, String transactionId, String type, String total,
                                      String lines, String originalTransactionId) {
        TillRecord record = type.equals("RETURN")
                ? TillRecord.refund(chain, card, transactionId, total, originalTransactionId)
                : TillRecord.purchase(chain, card, transactionId, total);
        return record.withLines(lines).json();
    }

    private static String engagement(Member member, String engagementId) {
        return """
                {"engagementId":"%s","chainId":"%s","memberId":"%s","type":"SURVEY_COMPLETED","score":9,
                 "occurredAt":"%s"}""".formatted(engagementId, member.chain, member.id,
                Instant.now().atOffset(ZoneOffset.UTC));
    }
}
