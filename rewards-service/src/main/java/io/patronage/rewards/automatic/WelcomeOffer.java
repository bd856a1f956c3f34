package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/**
 * A chain's welcome offer: each member enrolled from {@code since} on gets a coupon of reward {@code rewardId}.
 *
 * @param since when the chain first set an offer; members enrolled before it get none
 */
@Introspected
public record WelcomeOffer(String chainId, String rewardId, Instant since, Instant updatedAt)
        implements ChainRewardOffer {
}
