package io.patronage.points.eventlog;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.json.Json;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.Programs;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.tiers.TierChanged;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Events stored under the class names they had when every event lived in {@code io.patronage.points.account}, and
 * a snapshot of the account stored by that version (revision 2): the account, the event store and the one-pass
 * reader still read them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovedEventsIT implements TestPropertyProvider {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    @Inject
    MongoDatabase database;

    @Inject
    EventStore eventStore;

    @Inject
    EventLog eventLog;

    @Inject
    CommandGateway commands;

    @Inject
    Programs programs;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-moved-events-it");
    }

    @Test
    void eventsStoredUnderTheirOldClassNamesStillLoad() {
        String member = "m-" + UUID.randomUUID();
        Lot lot = new Lot("chain-1:t-1", 120, T0, T0, null, null);
        List<PointsAccountEvent> stored = List.of(
                new PointsAccountOpened(member, "chain-1", "card-1", MonthDay.of(3, 4), T0),
                new PointsEarned(member, "chain-1", "t-1", "s-1", "EUR", new BigDecimal("120.00"),
                        new BigDecimal("120.00"), 120, "v1", List.of(new Contribution("base", 120)),
                        OffsetDateTime.parse("2026-01-10T11:00:00+01:00"), lot, 120),
                new TierChanged(member, "chain-1", null, "SILVER", "QUALIFIED", T0),
                new PointsRedeemed(member, "chain-1", "r-1", 20, "reward", List.of(new LotDebit(lot.lotId(), 20)), 100));
        storeAsTheOldVersionDid(member, stored);

        List<Object> loaded = eventStore.readEvents(member).asStream().map(message -> (Object) message.getPayload())
                .toList();
        assertEquals(stored, loaded, "the event store reads them as the moved classes");
        List<PointsAccountEvent> passed = new ArrayList<>();
        eventLog.forEach("moved-events-it", (sequence, event) -> {
            if (event.memberId().equals(member)) {
                passed.add(event);
            }
        });
        assertEquals(stored, passed, "the one-pass reader reads them too");

        AnsweredRequest again = commands.sendAndWait(new RedeemPoints(member, "r-1", 20, "reward"));
        assertEquals(stored.get(3), again.answer(), "the account folded the old redemption");
        assertNull(commands.sendAndWait(new RedeemPoints(member, "r-2", 1_000, "reward")));
        assertEquals(100, lastRejection(member).balance(), "the account folded every old event");
    }

    @Test
    void aSnapshotStoredByTheOldVersionStillLoads() throws IOException {
        String member = "m-snap";
        EventStorageEngine old = oldEngine();
        old.storeSnapshot(new GenericDomainEventMessage<>("PointsAccount", member, 7, Map.of()));
        String payload;
        try (InputStream in = getClass().getResourceAsStream("points-account-snapshot-r2.json")) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        database.getCollection("snapshotevents").updateOne(Filters.eq("aggregateIdentifier", member),
                Updates.combine(Updates.set("payloadType", PointsAccount.class.getName()),
                        Updates.set("payloadRevision", "2"), Updates.set("serializedPayload", payload)));

        AnsweredRequest again = commands.sendAndWait(new RedeemPoints(member, "r-1", 20, "reward"));
        assertEquals("ev-1", again.eventId(), "answered from the snapshot");
        assertInstanceOf(PointsRedeemed.class, again.answer());
        assertNull(commands.sendAndWait(new RedeemPoints(member, "r-2", 10_000, "reward")));
        assertEquals(93, lastRejection(member).balance(), "the snapshot's ledger");
    }

    /**
     * A revision-2 snapshot holds no earnings towards the day and period caps: the account counts its purchases' whole
     * points instead (the snapshot's purchase of 120 points that day leaves 30 of a cap of 150), and says so.
     */
    @Test
    void aSnapshotStoredBeforeTheCapsCountsItsPurchasesTowardsThem() throws IOException {
        String member = "m-snap-caps";
        programs.save("chain-caps", ProgramJson.parse("""
                {"version":"caps-v1","pointsPerUnit":1,"timeZone":"UTC","maxPointsPerDay":150}"""));
        EventStorageEngine old = oldEngine();
        old.storeSnapshot(new GenericDomainEventMessage<>("PointsAccount", member, 7, Map.of()));
        String payload;
        try (InputStream in = getClass().getResourceAsStream("points-account-snapshot-r2.json")) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("m-snap", member).replace("chain-1", "chain-caps");
        }
        assertFalse(payload.contains("earnings"), "the snapshot predates the caps");
        database.getCollection("snapshotevents").updateOne(Filters.eq("aggregateIdentifier", member),
                Updates.combine(Updates.set("payloadType", PointsAccount.class.getName()),
                        Updates.set("payloadRevision", "2"), Updates.set("serializedPayload", payload)));

        commands.sendAndWait(new EarnPoints(member, new PosTransaction("t-5", "chain-caps", "s-1", "card-1",
                TransactionType.PURCHASE, OffsetDateTime.parse("2026-01-10T18:00:00Z"), "EUR",
                new BigDecimal("100.00"), List.of(), List.of(), null)));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(member).asStream().toList();
        PointsEarned earned = assertInstanceOf(PointsEarned.class, events.get(events.size() - 1).getPayload());
        assertEquals(List.of(new Contribution("base", 100), new Contribution("cap:day", -70)), earned.breakdown());
        assertEquals(30, earned.points());
    }

    private PointsRedemptionRejected lastRejection(String member) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(member).asStream().toList();
        return assertInstanceOf(PointsRedemptionRejected.class, events.get(events.size() - 1).getPayload());
    }

    /** What the version before the move stored: the same payloads, each under its class's old name. */
    private void storeAsTheOldVersionDid(String member, List<PointsAccountEvent> events) {
        EventStorageEngine old = oldEngine();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            old.appendEvents(new GenericDomainEventMessage<>("PointsAccount", member, sequence, events.get(sequence)));
        }
        for (PointsAccountEvent event : events) {
            database.getCollection("domainevents").updateMany(Filters.and(Filters.eq("aggregateIdentifier", member),
                            Filters.eq("payloadType", event.getClass().getName())),
                    Updates.set("payloadType", MovedEvents.oldName(event.getClass())));
        }
        assertEquals(events.size(), database.getCollection("domainevents").countDocuments(Filters.and(
                Filters.eq("aggregateIdentifier", member),
                Filters.regex("payloadType", "^io\\.patronage\\.points\\.account\\."))));
    }

    private EventStorageEngine oldEngine() {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()).build())
                .snapshotSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()).build())
                .build();
    }
}
