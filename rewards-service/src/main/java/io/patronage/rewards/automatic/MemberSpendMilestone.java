package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * A member's progress towards one of the chain's spend milestones; amounts in the chain's {@code currency}.
 *
 * @param spentMinorUnits the lifetime spend counted in the chain (the same for every milestone), in minor units
 * @param spent           the same as an amount
 * @param granted         milestones granted (each a coupon)
 * @param nextThreshold   the lifetime spend at which the next milestone is granted: {@code (granted + 1) × every}
 * @param leftToNext      what is left to spend until then (0: granted with the next purchase)
 */
@Introspected
public record MemberSpendMilestone(String milestoneId,
                                   String rewardId,
                                   BigDecimal every,
                                   String currency,
                                   long spentMinorUnits,
                                   BigDecimal spent,
                                   long granted,
                                   BigDecimal nextThreshold,
                                   BigDecimal leftToNext) {
}
