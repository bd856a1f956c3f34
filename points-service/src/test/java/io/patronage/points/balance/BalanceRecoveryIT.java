package io.patronage.points.balance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@code kill -9} leaves between appending a member's events and writing their balance: the events are in the
 * store, tagged with the instance that died, and the balance is the one before them (or none). The recovery, given
 * that instance's checkpoint, writes the balance of every member it stored events of whose document is behind; it
 * leaves the members other instances stored events of, and a document someone wrote since it was read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceRecoveryIT {

    private MongoClient mongo;
    private MongoDatabase database;
    private BalanceStore store;
    private InMemoryEventStorageEngine storage;
    private EmbeddedEventStore eventStore;
    private BalanceProjection projection;
    private BalanceRecovery recovery;
    private String killed;
    private Instant checkpoint;

    @BeforeAll
    void connect() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        database = mongo.getDatabase("balance-recovery-it-" + UUID.randomUUID());
        store = new BalanceStore(database);
        storage = new InMemoryEventStorageEngine();
        eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        projection = new BalanceProjection(store, eventStore, 1_000);
        recovery = new BalanceRecovery(storage, store);
    }

    @BeforeEach
    void kill() {
        killed = "killed-" + UUID.randomUUID();
        checkpoint = Instant.now().minusSeconds(1);
    }

    @AfterAll
    void disconnect() {
        eventStore.shutDown();
        mongo.close();
    }

    @Test
    void aMemberWhoseLastEventsWereStoredButNotProjectedGetsTheirBalanceOnce() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        append(member, "alive", events.subList(0, 2), 0);
        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);
        append(member, killed, events.subList(2, 4), 2); // killed before its balance was written

        recovery.recover(checkpoint, killed);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
        Document written = balanceDocument(member);
        recovery.recover(checkpoint, killed);
        assertEquals(written, balanceDocument(member), "a second recovery writes nothing");
    }

    @Test
    void aMemberWithoutADocumentGetsOneWithTheFirstReviewTheirPointsNeed() {
        String member = "m-" + UUID.randomUUID();
        Instant earnedAt = Instant.parse("2026-02-01T09:00:00Z");
        append(member, killed, List.of(
                new PointsAccountOpened(member, "chain-1", "card-1", null, Instant.parse("2026-01-01T00:00:00Z")),
                earned(member, "t-1", 40, new Lot("chain-1:t-1", 40, earnedAt, earnedAt,
                        Instant.parse("2027-02-01T00:00:00Z"), null)),
                earned(member, "t-2", 60, new Lot("chain-1:t-2", 60, earnedAt, earnedAt,
                        Instant.parse("2027-03-01T00:00:00Z"), null))), 0);

        recovery.recover(checkpoint, killed);

        assertEquals(new Balance(member, "chain-1", 100, 100, 0, 2), store.find(member).orElseThrow());
        assertEquals(Date.from(Instant.parse("2027-02-01T00:00:00Z")),
                balanceDocument(member).getDate(BalanceStore.REVIEW_AT), "the expiry of the points expiring first");
    }

    /**
     * The crashed instance stored a lot and lost its balance write; a live instance then handled the member's next
     * event, folding the lot in from the log, but scheduled only its own event's review.
     */
    @Test
    void aDocumentAheadOfTheCrashedEventsGetsTheReviewTheyNeed() {
        String member = "m-" + UUID.randomUUID();
        Instant earnedAt = Instant.parse("2026-02-01T09:00:00Z");
        PointsAccountOpened opened = new PointsAccountOpened(member, "chain-1", "card-1", null,
                Instant.parse("2026-01-01T00:00:00Z"));
        PointsEarned lost = earned(member, "t-1", 40, new Lot("chain-1:t-1", 40, earnedAt, earnedAt,
                Instant.parse("2027-02-01T00:00:00Z"), null));
        PointsRedeemed later = new PointsRedeemed(member, "chain-1", "r-1", 10, "reward",
                List.of(new LotDebit("chain-1:t-1", 10)), 30);
        append(member, "alive", List.of(opened), 0);
        projection.on(opened, 0);
        append(member, killed, List.of(lost), 1);
        append(member, "alive", List.of(later), 2);
        new BalanceProjection(store, eventStore, 1_000).on(later, 2);
        assertEquals(new Balance(member, "chain-1", 30, 40, 10, 2), store.find(member).orElseThrow());
        assertEquals(null, balanceDocument(member).getDate(BalanceStore.REVIEW_AT));

        recovery.recover(checkpoint, killed);

        assertEquals(new Balance(member, "chain-1", 30, 40, 10, 2), store.find(member).orElseThrow());
        assertEquals(Date.from(Instant.parse("2027-02-01T00:00:00Z")),
                balanceDocument(member).getDate(BalanceStore.REVIEW_AT));
    }

    @Test
    void withoutTheInstanceEveryMemberWithEventsSinceTheCheckpointIsChecked() {
        String member = "m-" + UUID.randomUUID();
        append(member, "older-version", history(member), 0);

        recovery.recover(checkpoint, null);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void membersOtherInstancesStoredEventsOfAreLeftToThem() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        append(member, "alive", events.subList(0, 2), 0);
        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);
        append(member, "alive", events.subList(2, 4), 2); // being handled by a live instance

        recovery.recover(checkpoint, killed);

        assertEquals(1, store.find(member).orElseThrow().version());
    }

    @Test
    void aDocumentWrittenSinceItWasReadIsNotOverwritten() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        append(member, "alive", events, 0);
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i);
        }
        MemberPoints older = MemberPoints.replay(storage.readEvents(member, 0).asStream(), 1, reason -> { });

        assertFalse(store.writeUnlessChanged(older, 2L, null), "read at version 2, now at 3");
        assertFalse(store.writeUnlessChanged(older, null, null), "read when there was none");
        assertTrue(store.writeUnlessChanged(older, 3L, null));
        assertEquals(1, store.find(member).orElseThrow().version());
    }

    private Document balanceDocument(String member) {
        return database.getCollection(BalanceStore.COLLECTION).find(Filters.eq("_id", member)).first();
    }

    /** Stored as the account stores them, tagged with the instance that stored them, no handler running. */
    private void append(String member, String storedBy, List<PointsAccountEvent> events, long firstSequence) {
        for (int i = 0; i < events.size(); i++) {
            storage.appendEvents(new GenericDomainEventMessage<>("PointsAccount", member, firstSequence + i,
                    events.get(i), MetaData.with(PublicationRecovery.STORED_BY, storedBy)));
        }
    }

    private static List<PointsAccountEvent> history(String member) {
        return List.of(
                new PointsAccountOpened(member, "chain-1", "card-1", null, Instant.parse("2026-01-01T00:00:00Z")),
                earned(member, "t-1", 120),
                new PointsRedeemed(member, "chain-1", "r-1", 50, "reward", List.of(new LotDebit("chain-1:t-1", 50)), 70),
                earned(member, "t-2", 30));
    }

    private static PointsEarned earned(String member, String transactionId, long points) {
        return earned(member, transactionId, points, null);
    }

    private static PointsEarned earned(String member, String transactionId, long points, Lot lot) {
        return new PointsEarned(member, "chain-1", transactionId, "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, points,
                "default-v1", List.of(), OffsetDateTime.parse("2026-02-01T10:00:00+01:00"), lot, 0);
    }
}
