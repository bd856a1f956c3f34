package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The chains' welcome offers: collection {@code welcome_offers}, {@code _id = chainId}. A withdrawn offer keeps its
 * document, marked {@code withdrawnAt}, and is found by nothing here.
 */
@Singleton
class WelcomeOffers {

    private static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoCollection<Document> offers;

    WelcomeOffers(MongoDatabase database) {
        this.offers = database.getCollection("welcome_offers");
    }

    record Saved(WelcomeOffer offer, boolean created, boolean changed) {
    }

    /**
     * Sets the chain's offer. {@code since} stays when the reward changes, and starts again when an offer is set after
     * a withdrawal (members enrolled while there was none get none).
     */
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

    /** Withdraws the chain's offer; {@code false} when it has none. */
    boolean withdraw(String chainId, Instant now) {
        return offers.updateOne(Filters.and(Filters.eq("_id", chainId), Filters.exists(WITHDRAWN_AT, false)),
                Updates.set(WITHDRAWN_AT, Date.from(now))).getModifiedCount() == 1;
    }

    Optional<WelcomeOffer> find(String chainId) {
        return Optional.ofNullable(offers.find(Filters.and(Filters.eq("_id", chainId),
                        Filters.exists(WITHDRAWN_AT, false))).first()).map(document -> new WelcomeOffer(
                chainId, document.getString("rewardId"), document.getDate("since").toInstant(),
                document.getDate("updatedAt").toInstant()));
    }
}
