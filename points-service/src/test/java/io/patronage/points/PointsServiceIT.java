package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsCreditRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.json.Json;
import io.patronage.kit.security.Caller;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.ReadmeContract;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service through real Kafka, Mongo and HTTP, as the POS systems and the other services see it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsServiceIT implements TestPropertyProvider {

    @Inject
    List<TopicListener> listeners;

    @Test
    void readmeDocumentsEveryTopicTheServiceConsumesAndPublishes() throws Exception {
        ReadmeContract.assertDocumentsTopics("points-service", listeners.stream().flatMap(listener -> listener.topics().stream()).toList());
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops(Caller.EVERY_CHAIN));
    private final KafkaProbe kafka = new KafkaProbe();
    private TopicReader pointsTopic;

    @Inject
    EmbeddedServer server;

    @Inject
    ProgramCatalog programs;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-it", Map.of(
                "patronage.points.program.version", "it-v1",
                "patronage.points.program.rounding", "down",
                "patronage.points.program.excluded-categories", "gift-cards",
                "patronage.points.program.category-multipliers.Wine-Red", "2"));
    }

    @BeforeAll
    void connect() {
        pointsTopic = kafka.follow(Topics.POINTS);
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void theProgramComesFromConfiguration() {
        ProgramRules rules = programs.rulesFor("any-chain", Instant.now());
        List<LineMultiplier> multipliers = rules.multipliers();

        assertEquals("it-v1", rules.version());
        assertEquals(PointsRounding.DOWN, rules.rounding());
        assertEquals(BigDecimal.ONE, rules.pointsPerUnit());
        assertTrue(multipliers.contains(LineMultiplier.category("gift-cards", BigDecimal.ZERO)), multipliers.toString());
        assertTrue(multipliers.contains(LineMultiplier.category("Wine-Red", new BigDecimal("2"))), multipliers.toString());
    }

    @Test
    void aMembersPurchaseEarnsOnceAndIsPublished() throws Exception {
        Member member = enroll();

        sendTransaction(member.card, purchase(member, "t-1", "23.99", "[]"));

        awaitBalance(member.id, 23, 23, 0);
        ConsumerRecord<String, byte[]> earned = awaitPointsEvent(member.id, "io.patronage.PointsEarned",
                body -> body.get("transactionId").asText().equals("t-1"));
        JsonNode body = Json.mapper().readTree(earned.value());
        assertEquals(23, body.get("points").asLong());
        assertEquals(23, body.get("balance").asLong());
        assertEquals("it-v1", body.get("ruleVersion").asText());
        assertEquals("base", body.get("breakdown").get(0).get("rule").asText());
        assertEquals(new BigDecimal("23.99"), body.get("amount").decimalValue());
        assertNotNull(UUID.fromString(header(earned, CloudEventHeaders.ID)));
        assertEquals("/patronage/points-service", header(earned, CloudEventHeaders.SOURCE));
        assertEquals(member.id, header(earned, CloudEventHeaders.SUBJECT));
        assertEquals("1.0", header(earned, CloudEventHeaders.SPEC_VERSION));
        assertNotNull(Instant.parse(header(earned, CloudEventHeaders.TIME)));

        sendTransaction(member.card, purchase(member, "t-1", "23.99", "[]"));
        sendTransaction(member.card, purchase(member, "t-2", "80.00", "[]").replace("PURCHASE", "RETURN"));
        sendTransaction(member.card, purchase(member, "t-3", "60.00", """
                [{"sku":"GC-50","category":"gift-cards","quantity":1,"unitPrice":"50.00"},
                 {"sku":"W-1","category":"Wine-Red","quantity":1,"unitPrice":"10.00"}]"""));

        awaitBalance(member.id, 43, 43, 0);
        JsonNode wine = Json.mapper().readTree(awaitPointsEvent(member.id, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-3")).value());
        assertEquals(20, wine.get("points").asLong(), "gift card excluded, wine doubled");
        assertEquals(1, pointsEventsOf(member.id, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("t-1")).size(), "the resent sale is not published again");
    }

    @Test
    void aMalformedTransactionIsDeadLetteredAndTheNextOneStillEarns() throws Exception {
        Member member = enroll("JPY");
        String malformed = "{\"transactionId\":\"t-bad\",\"chainId\":\"" + member.chain + "\",\"total\":\"12,50\"}";

        sendTransaction(member.card, malformed);
        sendTransaction(member.card, "{\"transactionId\":\"t-anon\",\"chainId\":\"" + member.chain
                + "\",\"storeId\":\"s-1\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-27T10:15:00+09:00\","
                + "\"currency\":\"JPY\",\"total\":5000,\"lines\":[]}");
        sendTransaction(member.card, purchase(member, "t-good", "1500", "[]").replace("EUR", "JPY"));

        awaitBalance(member.id, 1500, 1500, 0);
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(member.card);
        assertEquals(malformed, new String(deadLetter.value(), StandardCharsets.UTF_8));
        String reason = header(deadLetter, DeadLetterPublisher.REASON);
        assertTrue(reason.contains("12,50") && reason.contains("total"), reason);
    }

    @Test
    void implausibleTillRecordsAreDeadLetteredWithTheirReasonAndTheRecordsAfterThemStillEarn() throws Exception {
        Member member = enroll("EUR");
        String lines501 = "[" + String.join(",", java.util.Collections.nCopies(501,
                "{\"sku\":\"A\",\"category\":\"c\",\"quantity\":1,\"unitPrice\":\"1.00\"}")) + "]";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("rial", purchase(member, "t-rial", "5000000", "[]").replace("EUR", "IRR"));
        refused.put("nowhere", purchase(member, "t-nowhere", "10.00", "[]")
                .replace(member.chain, "chain-never-configured"));
        refused.put("huge", purchase(member, "t-huge", "1000000000001.00", "[]"));
        refused.put("lines", purchase(member, "t-lines", "501.00", lines501));
        refused.put("future", purchase(member, "t-future", "10.00", "[]").replace("2026-11-27T10:15:00+02:00",
                "9999-11-27T10:15:00+02:00"));
        refused.put("long-id", purchase(member, "T".repeat(200 * 1024), "10.00", "[]"));
        refused.put("cents", purchase(member, "t-cents", "10.001", "[]"));
        refused.forEach((kind, json) -> sendTransaction(member.card + "-" + kind, json));
        sendTransaction(member.card, purchase(member, "t-good", "23.00", "[]"));

        awaitBalance(member.id, 23, 23, 0);
        Map<String, String> reasons = Map.of(
                "rial", "currency IRR is not the chain's currency EUR",
                "nowhere", "unknown chain chain-never-configured",
                "huge", "total 1000000000001.00 exceeds the chain's maximum of 1000000000000 EUR",
                "lines", "lines has 501 lines, the chain allows at most 500",
                "future", "occurredAt 9999-11-27T10:15+02:00 is later than now plus the chain's clock skew of PT10M",
                "long-id", "transactionId has 204800 characters, at most 128",
                "cents", "total has 3 decimals, at most 2");
        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(member.card + "-" + expected.getKey());
            String reason = header(deadLetter, DeadLetterPublisher.REASON);
            assertTrue(reason.contains(expected.getValue()), expected.getKey() + ": " + reason);
            assertTrue(reason.length() < 300, expected.getKey() + ": " + reason.length() + " characters");
            assertEquals(refused.get(expected.getKey()), new String(deadLetter.value(), StandardCharsets.UTF_8));
        }
        assertTrue(pointsEventsOf(member.id, "io.patronage.PointsEarned",
                b -> !b.get("transactionId").asText().equals("t-good")).isEmpty(), "only the good sale earned");
    }

    @Test
    void debitRequestsAreAnsweredOnceAndNeverOverdraw() throws Exception {
        Member member = enroll();
        sendTransaction(member.card, purchase(member, "t-1", "100.00", "[]"));
        awaitBalance(member.id, 100, 100, 0);

        requestDebit(member, "r-1", 150);
        JsonNode rejected = Json.mapper().readTree(awaitPointsEvent(member.id, "io.patronage.PointsRedemptionRejected",
                b -> b.get("requestId").asText().equals("r-1")).value());
        assertEquals("INSUFFICIENT_POINTS", rejected.get("reason").asText());
        assertEquals(100, rejected.get("balance").asLong());

        requestDebit(member, "r-2", 60);
        ConsumerRecord<String, byte[]> redeemed = awaitPointsEvent(member.id, "io.patronage.PointsRedeemed",
                b -> b.get("requestId").asText().equals("r-2"));
        assertEquals(40, Json.mapper().readTree(redeemed.value()).get("balance").asLong());
        awaitBalance(member.id, 40, 100, 60);

        requestDebit(member, "r-2", 60);
        await().atMost(PATIENCE).pollInSameThread().until(() -> pointsEventsOf(member.id,
                "io.patronage.PointsRedeemed", b -> b.get("requestId").asText().equals("r-2")).size() == 2);
        List<ConsumerRecord<String, byte[]>> answers = pointsEventsOf(member.id, "io.patronage.PointsRedeemed",
                b -> b.get("requestId").asText().equals("r-2"));
        assertEquals(header(answers.get(0), CloudEventHeaders.ID), header(answers.get(1), CloudEventHeaders.ID),
                "the repeated answer is the same event");
        assertEquals(40, balance(member.id).get("balance").asLong());
    }

    @Test
    void aCreditRequestGivesPointsBackOnce() throws Exception {
        Member member = enroll();
        sendTransaction(member.card, purchase(member, "t-1", "100.00", "[]"));
        awaitBalance(member.id, 100, 100, 0);
        requestDebit(member, "r-late", 60);
        awaitBalance(member.id, 40, 100, 60);

        PointsCreditRequested refund = new PointsCreditRequested("r-late:refund", member.id, member.chain, BigDecimal.valueOf(60),
                "refund:r-late", Instant.now());
        sendCloudEvent(refund);
        sendCloudEvent(refund);
        JsonNode adjusted = Json.mapper().readTree(awaitPointsEvent(member.id, "io.patronage.PointsAdjusted",
                b -> b.get("adjustmentId").asText().equals("r-late:refund")).value());
        assertEquals(60, adjusted.get("points").asLong());
        assertEquals(100, adjusted.get("balance").asLong());
        requestDebit(member, "r-after", 1); // after both credit requests on the member's partition
        awaitBalance(member.id, 99, 100, 61);
        awaitPointsEvent(member.id, "io.patronage.PointsRedeemed", b -> b.get("requestId").asText().equals("r-after"));
        assertEquals(1, pointsEventsOf(member.id, "io.patronage.PointsAdjusted", b -> true).size(), "credited once");
    }

    @Test
    void aDebitRequestForAnUnknownMemberIsRejected() throws Exception {
        Member stranger = new Member("m-" + UUID.randomUUID(), "chain-" + UUID.randomUUID(), "card-x");

        requestDebit(stranger, "r-1", 10);

        JsonNode rejected = Json.mapper().readTree(awaitPointsEvent(stranger.id,
                "io.patronage.PointsRedemptionRejected", b -> true).value());
        assertEquals("UNKNOWN_MEMBER", rejected.get("reason").asText());
        HttpResponse<String> notFound = service.get("/members/" + stranger.id + "/points");
        assertEquals(404, notFound.statusCode());
        assertEquals("application/problem+json", notFound.headers().firstValue("content-type").orElseThrow());
        assertEquals("urn:patronage:problem:not-found", Json.mapper().readTree(notFound.body()).get("type").asText());
    }

    private record Member(String id, String chain, String card) {
    }

    private Member enroll() throws Exception {
        return enroll("EUR");
    }

    /** A member of a new chain in {@code currency}, published on loyalty.chains.v1 first as enrollment does. */
    private Member enroll(String currency) throws Exception {
        Member member = new Member("m-" + UUID.randomUUID(), "chain-" + UUID.randomUUID(), "card-" + UUID.randomUUID());
        sendCloudEvent(new ChainConfigured(member.chain, currency, "Europe/Athens", "en", null, Instant.now()));
        sendCloudEvent(new MemberEnrolled(member.id, member.chain, member.card, MonthDay.of(2, 29), "ja-JP",
                Instant.now()));
        awaitBalance(member.id, 0, 0, 0);
        return member;
    }

    private void requestDebit(Member member, String requestId, long points) throws Exception {
        sendCloudEvent(new PointsDebitRequested(requestId, member.id, member.chain, BigDecimal.valueOf(points), "reward:mug", Instant.now()));
    }

    private static String purchase(Member member, String transactionId, String total, String lines) {
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"store-7","cardNumber":"%s","type":"PURCHASE",
                 "occurredAt":"2026-11-27T10:15:00+02:00","currency":"EUR","total":"%s","lines":%s,"couponCodes":[]}"""
                .formatted(transactionId, member.chain, member.card, total, lines);
    }

    private void sendTransaction(String key, String json) {
        kafka.sendTransaction(key, json);
    }

    private void sendCloudEvent(IntegrationEvent event) {
        kafka.send(event);
    }

    private void awaitBalance(String memberId, long balance, long lifetimeEarned, long lifetimeRedeemed) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode body = balance(memberId);
            assertEquals(memberId, body.get("memberId").asText());
            assertEquals(balance, body.get("balance").asLong(), body.toString());
            assertEquals(lifetimeEarned, body.get("lifetimeEarned").asLong(), body.toString());
            assertEquals(lifetimeRedeemed, body.get("lifetimeRedeemed").asLong(), body.toString());
        });
    }

    private JsonNode balance(String memberId) throws Exception {
        HttpResponse<String> response = service.get("/members/" + memberId + "/points");
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body());
    }

    private ConsumerRecord<String, byte[]> awaitPointsEvent(String memberId, String type, Predicate<JsonNode> body) {
        return pointsTopic.await(Records.event(memberId, type, body));
    }

    /** Reads what is new on loyalty.points.v1 and returns the records seen so far that match. */
    private List<ConsumerRecord<String, byte[]>> pointsEventsOf(String memberId, String type, Predicate<JsonNode> body) {
        return pointsTopic.seen(Records.event(memberId, type, body));
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return kafka.awaitDeadLetter(Topics.TRANSACTIONS, Records.keyed(key));
    }
}
