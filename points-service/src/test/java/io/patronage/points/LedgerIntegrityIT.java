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
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.intake.CardDirectory;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.testsupport.TillRecord;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's integrity from outside: a log poisoned by an older version (an earning of {@code Long.MAX_VALUE}
 * points, then one whose balance wrapped) never makes a read endpoint fail, and a till record resent with other
 * content is dead-lettered as a conflicting resend while the rest of its batch still counts.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIntegrityIT implements TestPropertyProvider {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @Inject
    EmbeddedServer server;

    @Inject
    EventStore eventStore;

    @Inject
    MongoDatabase database;

    @Inject
    CardDirectory cards;

    private Outside outside;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-integrity-it");
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
    void aPoisonedLogIsReportedAndSkippedByEveryReader() {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String poisoned = "m-poisoned-" + UUID.randomUUID();
        String sound = "m-sound-" + UUID.randomUUID();
        store(poisoned, List.of(opened(poisoned, chain), earned(poisoned, chain, "t-1", 10, 10, 1),
                earned(poisoned, chain, "t-2", Long.MAX_VALUE, Long.MAX_VALUE, 2),
                earned(poisoned, chain, "t-3", 10, Long.MIN_VALUE + 9, 3)));
        store(sound, List.of(opened(sound, chain), earned(sound, chain, "t-s", 25, 25, 1)));
        // as the older version's projection left it: wrapped
        database.getCollection("balances").updateOne(Filters.eq("_id", poisoned),
                Updates.combine(Updates.set("balance", Long.MIN_VALUE + 19), Updates.set("version", 3L)));

        HttpResponse<String> whatIf = outside.post("/programs/" + chain + "/what-if", """
                {"draft":{"version":"double","pointsPerUnit":2},"from":"2026-01-01T00:00:00Z","to":"2027-01-01T00:00:00Z"}""");
        assertEquals(200, whatIf.statusCode(), whatIf.body());
        JsonNode report = Outside.read(whatIf.body());
        assertEquals(2, report.get("purchases").asInt(), report.toString());
        assertEquals(35, report.get("issued").asLong(), report.toString());
        assertEquals(70, report.get("wouldIssue").asLong(), report.toString());
        assertEquals(2, report.get("purchasesSkipped").asInt(), report.toString());
        JsonNode skipped = report.get("skipped");
        assertEquals(poisoned, skipped.get(0).get("memberId").asText());
        assertEquals("t-2", skipped.get(0).get("transactionId").asText());
        assertTrue(skipped.get(0).get("reason").asText().contains("credits 9223372036854775807 points"), report.toString());
        assertEquals("t-3", skipped.get(1).get("transactionId").asText());
        assertTrue(skipped.get(1).get("reason").asText().contains("leaves a balance of -9223372036854775799"),
                report.toString());

        for (String path : List.of("/members/" + poisoned + "/points", "/members/" + poisoned + "/points/statement",
                "/members/" + poisoned + "/points?asOf=" + T0.plusSeconds(2 * 3600 + 1))) {
            HttpResponse<String> frozen = outside.get(path);
            assertEquals(409, frozen.statusCode(), path + ": " + frozen.body());
            JsonNode problem = Outside.read(frozen.body());
            assertEquals("urn:patronage:problem:account-frozen", problem.get("type").asText(), frozen.body());
            assertTrue(problem.get("detail").asText().contains("PointsEarned " + chain + ":t-2"), frozen.body());
        }
        JsonNode before = outside.json("/members/" + poisoned + "/points?asOf=" + T0.plusSeconds(3600 + 1));
        assertEquals(10, before.get("balance").asLong(), "before the poisoned event the balance was sound");
        assertEquals(25, outside.json("/members/" + sound + "/points").get("balance").asLong());

        HttpResponse<String> rebuilt = outside.post("/admin/rebuild", "");
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        JsonNode result = Outside.read(rebuilt.body());
        assertEquals(1, result.get("poisonedMembers").asInt(), result.toString());
        Document balance = database.getCollection("balances").find(Filters.eq("_id", poisoned)).first();
        assertEquals(10L, ((Number) balance.get("balance")).longValue(), "rebuilt up to the poisoned event");
        assertEquals(1L, ((Number) balance.get("version")).longValue());
        assertEquals(25, outside.json("/members/" + sound + "/points").get("balance").asLong());
    }

    @Test
    void aResendWithOtherContentIsDeadLetteredAndTheRestOfItsBatchCounts() {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String member = "m-" + UUID.randomUUID();
        String card = "card-" + member;
        outside.sendCloudEvent(new MemberEnrolled(member, chain, card, null, "en", Instant.now()));
        await().atMost(Outside.PATIENCE).until(() -> cards.memberFor(chain, card).isPresent());
        String first = sale(chain, card, "T-1", "10.00");

        outside.send(Topics.TRANSACTIONS, card, first);
        awaitBalance(member, 10);
        String changed = sale(chain, card, "T-1", "20.00");
        outside.send(Topics.TRANSACTIONS, card, sale(chain, card, "T-2", "5.00"));
        outside.send(Topics.TRANSACTIONS, card, changed);
        outside.send(Topics.TRANSACTIONS, card, sale(chain, card, "T-3", "7.00"));
        awaitBalance(member, 22);

        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(card, 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(0);
        assertEquals(changed, new String(deadLetter.value(), StandardCharsets.UTF_8));
        String reason = CloudEventHeaders.get(deadLetter.headers(), DeadLetterPublisher.REASON);
        assertTrue(reason.startsWith(ConflictingResendException.REASON), reason);
        assertEquals(ConflictingResendException.class.getName(),
                CloudEventHeaders.get(deadLetter.headers(), DeadLetterPublisher.EXCEPTION));

        outside.send(Topics.TRANSACTIONS, card, first);
        outside.send(Topics.TRANSACTIONS, card, sale(chain, card, "T-4", "1.00"));
        awaitBalance(member, 23);
        assertEquals(1, deadLetters(card).size(), "the same content again is no conflict");
        assertEquals(1, outside.seen(Topics.POINTS, member, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("T-1")).size());
        assertEquals(10, outside.awaitRecord(Topics.POINTS, member, "io.patronage.PointsEarned",
                b -> b.get("transactionId").asText().equals("T-1")).get("points").asLong());
    }

    private void awaitBalance(String member, long balance) {
        await().atMost(Outside.PATIENCE).untilAsserted(() ->
                assertEquals(balance, outside.json("/members/" + member + "/points").get("balance").asLong()));
    }

    private static String sale(String chain, String card, String transactionId, String total) {
        return TillRecord.purchase(chain, card, transactionId, total).atStore("store-1")
                .at(OffsetDateTime.parse("2026-11-27T10:15:00+02:00")).json();
    }

    private static PointsAccountOpened opened(String member, String chain) {
        return new PointsAccountOpened(member, chain, "card-" + member, null, T0);
    }

    private static PointsEarned earned(String member, String chain, String transactionId, long points,
                                       long balanceAfter, int hour) {
        OffsetDateTime at = T0.plusSeconds(hour * 3600L).atOffset(ZoneOffset.UTC);
        return new PointsEarned(member, chain, transactionId, "store-1", "EUR", BigDecimal.valueOf(points),
                BigDecimal.valueOf(points), points, "default-v1", List.of(new Contribution("base", points)), at,
                new Lot(chain + ":" + transactionId, points, at.toInstant()), balanceAfter);
    }

    /** Appends events as an older version stored them, each stamped one hour after the previous one. */
    private void store(String member, List<PointsAccountEvent> events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (int i = 0; i < events.size(); i++) {
                eventStore.publish(new GenericDomainEventMessage<>("PointsAccount", member, i, events.get(i),
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), T0.plusSeconds(i * 3600L)));
            }
        });
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        return outside.kafka().awaitRecords(Topics.TRANSACTIONS.deadLetterTopic(), count, Records.keyed(key));
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return outside.kafka().records(Topics.TRANSACTIONS.deadLetterTopic(), Records.keyed(key));
    }
}
