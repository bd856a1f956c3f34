package io.patronage.points.eventlog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.patronage.kit.json.Json;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account openings stored with a full birth date, as before the birthday: they still load, and lose the year. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyBirthDatesIT {

    private static final String BIRTH_DATE = "1987-02-19";

    private final MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
    private final MongoDatabase database = mongo.getDatabase("legacy-birth-dates-it-" + UUID.randomUUID());
    private final EventStorageEngine store = MongoEventStorageEngine.builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
            .eventSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()).build())
            .snapshotSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()).build())
            .build();

    @AfterAll
    void close() {
        database.drop();
        mongo.close();
    }

    @Test
    void oldOpeningsLoseTheBirthYearButKeepTheBirthdayAndOldSnapshotsAreDropped() {
        String member = "m-" + UUID.randomUUID();
        storeLegacyOpening(member);
        database.getCollection("snapshotevents").insertOne(new Document("aggregateIdentifier", member)
                .append("sequenceNumber", 0L).append("type", "PointsAccount")
                .append("payloadType", PointsAccount.class.getName())
                .append("serializedPayload", "{\"memberId\":\"" + member + "\",\"birthDate\":\"" + BIRTH_DATE + "\"}"));
        assertEquals(MonthDay.of(2, 19), opening(member).birthday(), "a legacy opening loads as it is");

        new LegacyBirthDates(database);

        assertEquals(new PointsAccountOpened(member, "chain-1", "card-1", MonthDay.of(2, 19),
                Instant.parse("2024-01-01T00:00:00Z")), opening(member), "the same opening, without the year");
        for (String collection : List.of("domainevents", "snapshotevents")) {
            for (Document raw : database.getCollection(collection).find()) {
                assertFalse(raw.toJson().contains("1987"), collection + " still holds the birth year: " + raw.toJson());
                assertFalse(raw.toJson().contains("el-GR"), collection + " still holds the locale: " + raw.toJson());
            }
        }
        assertEquals(0, database.getCollection("snapshotevents").countDocuments(), "the old snapshot is gone");
        Document done = database.getCollection("migrations").find(Filters.eq("_id", LegacyBirthDates.ID)).first();
        assertNotNull(done);
        assertEquals(1, done.getLong("eventsRewritten"));
        assertEquals(0, new LegacyBirthDates(database).redact(), "nothing left to rewrite");
    }

    /** Stored by Axon as today, then given the shape openings had before the birthday. */
    private void storeLegacyOpening(String member) {
        store.appendEvents(new GenericDomainEventMessage<>("PointsAccount", member, 0,
                new PointsAccountOpened(member, "chain-1", "card-1", null, Instant.parse("2024-01-01T00:00:00Z"))));
        Object stored = database.getCollection("domainevents").find(Filters.eq("aggregateIdentifier", member)).first()
                .get("serializedPayload");
        assertInstanceOf(String.class, stored, "axon-mongo keeps a Jackson payload as JSON text");
        String legacy = """
                {"memberId":"%s","chainId":"chain-1","cardNumber":"card-1","birthDate":"%s","locale":"el-GR",
                 "enrolledAt":"2024-01-01T00:00:00Z"}""".formatted(member, BIRTH_DATE);
        database.getCollection("domainevents").updateOne(Filters.eq("aggregateIdentifier", member),
                Updates.set("serializedPayload", legacy));
        assertTrue(database.getCollection("domainevents").find().first().toJson().contains(BIRTH_DATE));
    }

    private PointsAccountOpened opening(String member) {
        return assertInstanceOf(PointsAccountOpened.class, store.readEvents(member).next().getPayload());
    }
}
