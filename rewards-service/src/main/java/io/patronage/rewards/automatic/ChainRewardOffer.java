package io.patronage.rewards.automatic;

import java.time.Instant;

/** A chain's offer that is one reward's coupon (welcome, win-back), as {@link ChainRewardOffers} stores it. */
interface ChainRewardOffer {

    String rewardId();

    Instant since();
}
