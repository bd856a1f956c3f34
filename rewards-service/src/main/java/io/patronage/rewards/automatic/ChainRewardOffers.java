package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The chains' offers of one kind that are one reward's coupon (welcome, win-back): in its collection,
 * {@code _id = chainId} with {@code rewardId}, {@code since} and {@code updatedAt}. A withdrawn offer keeps its
 * document, marked {@code withdrawnAt}, and is found by nothing here; set again, it starts anew.
 */
class ChainRewardOffers<T extends ChainRewardOffer> {

    /** The offer's record from its fields, e.g. {@code WelcomeOffer::new}. */
    interface Factory<T> {
        T of(String chainId, String rewardId, Instant since, Instant updatedAt);
    }

    private static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoCollection<Document> offers;
    private final Factory<T> factory;

    ChainRewardOffers(MongoCollection<Document> offers, Factory<T> factory) {
        this.offers = offers;
        this.factory = factory;
    }

    /**
     * Sets the chain's offer. {@code since} stays when the reward changes, and starts again when an offer is set after
     * a withdrawal.
     */
    SavedOffer<T> save(String chainId, String rewardId, Instant now) {
        Optional<T> current = find(chainId);
        if (current.isPresent() && current.get().rewardId().equals(rewardId)) {
            return new SavedOffer<>(current.get(), false, false);
        }
        T offer = factory.of(chainId, rewardId, current.map(ChainRewardOffer::since).orElse(now), now);
        offers.replaceOne(Filters.eq("_id", chainId), new Document("_id", chainId).append("rewardId", rewardId)
                        .append("since", Date.from(offer.since())).append("updatedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new SavedOffer<>(offer, current.isEmpty(), true);
    }

    /** Withdraws the chain's offer; {@code false} when it has none. */
    boolean withdraw(String chainId, Instant now) {
        return offers.updateOne(Filters.and(Filters.eq("_id", chainId), Filters.exists(WITHDRAWN_AT, false)),
                Updates.set(WITHDRAWN_AT, Date.from(now))).getModifiedCount() == 1;
    }

    Optional<T> find(String chainId) {
        return Optional.ofNullable(offers.find(Filters.and(Filters.eq("_id", chainId),
                        Filters.exists(WITHDRAWN_AT, false))).first()).map(document -> factory.of(
                chainId, document.getString("rewardId"), document.getDate("since").toInstant(),
                document.getDate("updatedAt").toInstant()));
    }
}
