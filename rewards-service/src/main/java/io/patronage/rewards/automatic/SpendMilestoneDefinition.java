package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * A spend milestone as ops send it: every {@code every} of a member's lifetime spend (in the chain's currency, at most
 * its minor units, e.g. {@code 500.00} EUR) earns a coupon of reward {@code rewardId}.
 */
@Introspected
public record SpendMilestoneDefinition(@Nullable String rewardId, @Nullable BigDecimal every) {
}
