package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A welcome offer as ops send it: the reward whose coupon each new member gets. */
@Introspected
public record WelcomeOfferDefinition(@Nullable String rewardId) {
}
