package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * A punch card as ops send it: every {@code visits}-th qualifying visit earns a coupon of reward {@code rewardId}.
 * A qualifying visit is a purchase with the member's card, with a line of SKU {@code sku} or category
 * {@code category} when one is given (at most one of them).
 */
@Introspected
public record PunchCardDefinition(@Nullable String rewardId,
                                  @Nullable Integer visits,
                                  @Nullable String sku,
                                  @Nullable String category) {
}
