package io.patronage.rewards.automatic;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;

/**
 * The chains' welcome offers: collection {@code welcome_offers}. Set after a withdrawal, an offer welcomes only the
 * members enrolled from then on (those enrolled while there was none get none).
 */
@Singleton
class WelcomeOffers extends ChainRewardOffers<WelcomeOffer> {

    WelcomeOffers(MongoDatabase database) {
        super(database.getCollection("welcome_offers"), WelcomeOffer::new);
    }
}
