package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/**
 * A chain's win-back offer: each member who falls dormant (analytics' dormant list) from the day of {@code since} on
 * gets a coupon of reward {@code rewardId}, once per dormancy spell.
 *
 * @param since when the chain first set an offer; members dormant since an earlier day get none
 */
@Introspected
public record WinBackOffer(String chainId, String rewardId, Instant since, Instant updatedAt)
        implements ChainRewardOffer {
}
