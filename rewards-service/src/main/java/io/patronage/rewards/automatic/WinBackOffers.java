package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * The chains' win-back offers: collection {@code win_back_offers}, {@code _id = chainId}. A withdrawn offer keeps its
 * document, marked {@code withdrawnAt}, and is found by nothing here; set again, it starts anew.
 */
@Singleton
class WinBackOffers {

    private static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoCollection<Document> offers;

    WinBackOffers(MongoDatabase database) {
        this.offers = database.getCollection("win_back_offers");
    }

    record Saved(WinBackOffer offer, boolean created, boolean changed) {
    }

    /** A change of reward keeps {@code since}. */
    Saved save(String chainId, String rewardId, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS); // as stored: the answer and a later read agree
        Optional<WinBackOffer> current = find(chainId);
        if (current.isPresent() && current.get().rewardId().equals(rewardId)) {
            return new Saved(current.get(), false, false);
        }
        WinBackOffer offer = new WinBackOffer(chainId, rewardId, current.map(WinBackOffer::since).orElse(now), now);
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

    Optional<WinBackOffer> find(String chainId) {
        return Optional.ofNullable(offers.find(Filters.and(Filters.eq("_id", chainId),
                        Filters.exists(WITHDRAWN_AT, false))).first()).map(document -> new WinBackOffer(
                chainId, document.getString("rewardId"), document.getDate("since").toInstant(),
                document.getDate("updatedAt").toInstant()));
    }
}
