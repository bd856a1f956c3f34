package io.patronage.analytics.participation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.patronage.contracts.Topics;
import io.patronage.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Two instances on one database, as during a rolling deploy or a consumer-group rebalance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");
    private static final ViewKey KEY = ViewKey.allTime("athens");
    private static final ParticipationCounts ONE_MEMBER = new ParticipationCounts(1, 0, 0, 0, 0);

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoUri());
    private final MongoDatabase database = client.getDatabase("analytics-store-it-" + UUID.randomUUID());

    @AfterAll
    void close() {
        client.close();
    }

    @Test
    void aStaleInstanceDoesNotOverwriteAViewAndRetriesFromTheStoredOne() {
        ParticipationStore first = new ParticipationStore(database);
        ParticipationStore stale = new ParticipationStore(database);

        first.saveAll(List.of(counted(first, 0)));
        ParticipationState created = counted(stale, 1);
        assertThrows(ConcurrentViewUpdateException.class, () -> stale.saveAll(List.of(created)));
        assertEquals(first.current(KEY), stale.current(KEY), "reloaded from Mongo after a lost insert");

        first.saveAll(List.of(counted(first, 1)));
        ParticipationState updated = counted(stale, 2);
        assertThrows(ConcurrentViewUpdateException.class, () -> stale.saveAll(List.of(updated)));
        assertEquals(first.current(KEY), stale.current(KEY), "reloaded from Mongo after a lost update");

        stale.saveAll(List.of(counted(stale, 2)));
        assertEquals(3, new ParticipationStore(database).current(KEY).counts().enrolledMembers());
    }

    @Test
    void aCardEnrolledThroughAnotherInstanceIsFoundOnRefresh() {
        MemberCards first = new MemberCards(database, 100);
        MemberCards other = new MemberCards(database, 100);
        first.addAll(List.of(new MemberCard("lisbon", "C-1", "m1")));

        assertEquals(Set.of("lisbon:C-1"), other.known(List.of("lisbon:C-1", "lisbon:C-404")));
        assertEquals(Set.of("lisbon:C-1"), new MemberCards(database, 100).known(List.of("lisbon:C-1")), "loaded at startup");
    }

    private static ParticipationState counted(ParticipationStore store, long offset) {
        return store.current(KEY).apply(ONE_MEMBER, new LogPosition(Topics.MEMBERS.name(), 0, offset)).computed(NOW);
    }
}
