package io.patronage.points.balance;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live projection on the real Mongo protocol: updates by {@code _id}, one bulk write per unit of work, idempotent, self-healing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceProjectionIT {

    private MongoClient mongo;
    private BalanceStore store;
    private MongoDatabase database;
    private EmbeddedEventStore eventStore;
    private final List<BsonDocument> updateFilters = new CopyOnWriteArrayList<>();
    private final AtomicInteger updateCommands = new AtomicInteger();
    private BalanceProjection projection;

    @BeforeAll
    void connect() {
        mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("update")) {
                            updateCommands.incrementAndGet();
                            event.getCommand().getArray("updates").forEach(update ->
                                    updateFilters.add(update.asDocument().getDocument("q")));
                        }
                    }
                })
                .build());
        database = mongo.getDatabase("balance-it-" + UUID.randomUUID());
        store = new BalanceStore(database);
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        projection = new BalanceProjection(store, eventStore, 1_000);
    }

    @AfterAll
    void disconnect() {
        eventStore.shutDown();
        mongo.close();
    }

    private List<PointsAccountEvent> history(String member) {
        return List.of(
                new PointsAccountOpened(member, "chain-1", "card-1", null, Instant.parse("2026-01-01T00:00:00Z")),
                earned(member, "t-1", 120),
                new PointsRedeemed(member, "chain-1", "r-1", 50, "reward", List.of(new LotDebit("chain-1:t-1", 50)), 70),
                earned(member, "t-2", 30));
    }

    private static PointsEarned earned(String member, String transactionId, long points) {
        return new PointsEarned(member, "chain-1", transactionId, "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, points,
                "default-v1", List.of(), OffsetDateTime.parse("2026-02-01T10:00:00+01:00"), null, 0);
    }

    private void store(String member, List<PointsAccountEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>("PointsAccount", member, i, events.get(i)));
        }
    }

    @Test
    void eachEventIsAppliedOnceWhateverIsRedelivered() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);

        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i);
            projection.on(events.get(i), i);
        }
        projection.on(events.get(1), 1);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void membersItNoLongerRemembersAreFoldedFromTheirStoredDocuments() {
        BalanceProjection forgetful = new BalanceProjection(store, eventStore, 1);
        String first = "m-" + UUID.randomUUID();
        String second = "m-" + UUID.randomUUID();
        store(first, history(first));
        store(second, history(second));

        for (int i = 0; i < 4; i++) {
            forgetful.on(history(first).get(i), i);
            forgetful.on(history(second).get(i), i);
        }

        assertEquals(new Balance(first, "chain-1", 100, 150, 50, 3), store.find(first).orElseThrow());
        assertEquals(new Balance(second, "chain-1", 100, 150, 50, 3), store.find(second).orElseThrow());
    }

    @Test
    void aLostUpdateIsRepairedFromTheEventStoreByTheNextEvent() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);

        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);
        projection.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    /**
     * Another instance handled this member meanwhile (a rebalance): the store has its events, and the event at hand
     * is not stored yet (it is, when its unit of work commits).
     */
    @Test
    void eventsAnotherInstanceStoredAreFoldedBeforeTheEventAtHand() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events.subList(0, 3));
        projection.on(events.get(0), 0);

        projection.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void everyUpdateFindsItsDocumentByIdAlone() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);
        updateFilters.clear();

        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i);
        }

        List<BsonDocument> filters = updateFilters.stream()
                .filter(filter -> filter.containsKey("_id") && filter.getString("_id").getValue().equals(member))
                .toList();
        assertEquals(events.size(), filters.size(), "the opening too is an upsert by _id");
        filters.forEach(filter -> assertEquals(Set.of("_id"), filter.keySet()));
    }

    @Test
    void anOpeningRedeliveredAfterARestartLeavesTheStoredBalanceAndTheNextEventFoldsFromIt() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);
        for (int i = 0; i < 3; i++) {
            projection.on(events.get(i), i);
        }

        BalanceProjection restarted = new BalanceProjection(store, eventStore, 1_000);
        restarted.on(events.get(0), 0);
        assertEquals(new Balance(member, "chain-1", 70, 120, 50, 2), store.find(member).orElseThrow());
        restarted.on(events.get(1), 1);
        restarted.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void aFreshProjectionContinuesFromTheStoredBalance() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);
        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);

        BalanceProjection restarted = new BalanceProjection(store, eventStore, 1_000);
        restarted.on(events.get(1), 1);
        restarted.on(events.get(2), 2);
        restarted.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void aBalanceDroppedUnderTheProjectionIsWrittenAgainWhole() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);
        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);

        database.getCollection("balances").drop();
        projection.on(events.get(2), 2);
        projection.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }

    @Test
    void aUnitOfWorkWritesItsBalancesInOneBulkWriteWhenItCommits() {
        String first = "m-" + UUID.randomUUID();
        String second = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> firstEvents = history(first);
        List<PointsAccountEvent> secondEvents = history(second);
        store(first, firstEvents);
        store(second, secondEvents);
        projection.on(firstEvents.get(0), 0);
        projection.on(secondEvents.get(0), 0);
        updateCommands.set(0);

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (int i = 1; i < firstEvents.size(); i++) {
                projection.on(firstEvents.get(i), i);
                projection.on(secondEvents.get(i), i);
            }
            assertEquals(0, updateCommands.get(), "nothing is written before the commit");
        });

        assertEquals(1, updateCommands.get());
        assertEquals(new Balance(first, "chain-1", 100, 150, 50, 3), store.find(first).orElseThrow());
        assertEquals(new Balance(second, "chain-1", 100, 150, 50, 3), store.find(second).orElseThrow());
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothingAndTheNextEventFoldsFromTheStore() {
        String member = "m-" + UUID.randomUUID();
        List<PointsAccountEvent> events = history(member);
        store(member, events);
        projection.on(events.get(0), 0);
        projection.on(events.get(1), 1);

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        projection.on(events.get(2), 2);
        unitOfWork.rollback();
        projection.on(events.get(3), 3);

        assertEquals(new Balance(member, "chain-1", 100, 150, 50, 3), store.find(member).orElseThrow());
    }
}
