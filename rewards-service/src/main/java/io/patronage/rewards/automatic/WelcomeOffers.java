package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** The chains' welcome offers: collection {@code welcome_offers}, {@code _id = chainId}. */
@Singleton
class WelcomeOffers {

    private final MongoCollection<Document> offers;

    WelcomeOffers(MongoDatabase database) {
        this.offers = database.getCollection("welcome_offers");
    }

    record Saved(WelcomeOffer offer, boolean created, boolean changed) {
    }

    Saved save(String chainId, String rewardId, Instant now) {
        Optional<WelcomeOffer> current = find(chainId);
        if (current.isPresent() && current.get().rewardId().equals(rewardId)) {
            return new Saved(current.get(), false, false);
        }
        WelcomeOffer offer = new WelcomeOffer(chainId, rewardId, current.map(WelcomeOffer::since).orElse(now), now);
        offers.replaceOne(Filters.eq("_id", chainId), new Document("_id", chainId).append("rewardId", rewardId)
                        .append("since", Date.from(offer.since())).append("updatedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Saved(offer, current.isEmpty(), true);
    }

    Optional<WelcomeOffer> find(String chainId) {
        return Optional.ofNullable(offers.find(Filters.eq("_id", chainId)).first()).map(document -> new WelcomeOffer(
                chainId, document.getString("rewardId"), document.getDate("since").toInstant(),
                document.getDate("updatedAt").toInstant()));
    }
}
