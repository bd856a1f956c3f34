package io.patronage.rewards.automatic;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.patronage.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store the welcome and win-back offers share, against the test Mongo-wire server. */
class ChainRewardOffersTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static MongoClient client;
    private static MongoCollection<Document> collection;
    private static ChainRewardOffers<WelcomeOffer> offers;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        collection = client.getDatabase("rewards-offers-" + UUID.randomUUID()).getCollection("welcome_offers");
        offers = new ChainRewardOffers<>(collection, WelcomeOffer::new);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aChangeOfRewardKeepsSinceAndASettingAfterAWithdrawalStartsAnew() {
        SavedOffer<WelcomeOffer> first = offers.save("chain-1", "free-coffee", T0);
        assertEquals(new SavedOffer<>(new WelcomeOffer("chain-1", "free-coffee", T0, T0), true, true), first);
        assertEquals(new SavedOffer<>(first.offer(), false, false),
                offers.save("chain-1", "free-coffee", T0.plusSeconds(1)), "set as it already is");

        SavedOffer<WelcomeOffer> changed = offers.save("chain-1", "free-tea", T0.plusSeconds(2));
        assertEquals(new SavedOffer<>(new WelcomeOffer("chain-1", "free-tea", T0, T0.plusSeconds(2)), false, true),
                changed);
        assertEquals(changed.offer(), offers.find("chain-1").orElseThrow());
        assertEquals(new Document("_id", "chain-1").append("rewardId", "free-tea").append("since", Date.from(T0))
                .append("updatedAt", Date.from(T0.plusSeconds(2))), collection.find().first(), "the stored fields");

        assertTrue(offers.withdraw("chain-1", T0.plusSeconds(3)));
        assertTrue(offers.find("chain-1").isEmpty());
        assertEquals(Date.from(T0.plusSeconds(3)), collection.find().first().getDate("withdrawnAt"));
        assertFalse(offers.withdraw("chain-1", T0.plusSeconds(4)), "withdrawn already");

        assertEquals(new SavedOffer<>(new WelcomeOffer("chain-1", "free-tea", T0.plusSeconds(5), T0.plusSeconds(5)),
                true, true), offers.save("chain-1", "free-tea", T0.plusSeconds(5)));
        assertFalse(collection.find().first().containsKey("withdrawnAt"));
        assertTrue(offers.find("chain-2").isEmpty(), "another chain's");
        assertFalse(offers.withdraw("chain-2", T0), "a chain without one");
    }
}
