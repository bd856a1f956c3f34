package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A birthday offer as ops send it: the reward, and {@code when} ({@code DAY} or {@code MONTH}). */
@Introspected
public record BirthdayOfferDefinition(@Nullable String rewardId, @Nullable String when) {
}
