package io.patronage.rewards.automatic;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The chains' win-back offers: collection {@code win_back_offers}. */
@Singleton
class WinBackOffers extends ChainRewardOffers<WinBackOffer> {

    WinBackOffers(MongoDatabase database) {
        super(database.getCollection("win_back_offers"), WinBackOffer::new);
    }

    @Override
    SavedOffer<WinBackOffer> save(String chainId, String rewardId, Instant at) {
        // as stored: the answer and a later read agree
        return super.save(chainId, rewardId, at.truncatedTo(ChronoUnit.MILLIS));
    }
}
