package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A win-back offer as ops send it: the reward whose coupon each member who falls dormant gets. */
@Introspected
public record WinBackOfferDefinition(@Nullable String rewardId) {
}
