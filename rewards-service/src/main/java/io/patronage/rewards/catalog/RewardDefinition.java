package io.patronage.rewards.catalog;

import io.micronaut.core.annotation.Introspected;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A reward as a chain defines it over the API ({@code PUT /chains/{chainId}/rewards/{rewardId}}); see {@link Reward}
 * for the meaning of each field. Checked by {@link RewardRules}.
 */
@Introspected
public record RewardDefinition(Map<String, String> name,
                               Map<String, String> description,
                               Long pointsCost,
                               CouponTerms coupon,
                               Integer couponValidityDays,
                               String couponValidity,
                               Long stock,
                               Long firstX,
                               LocalDateTime availableFrom,
                               LocalDateTime availableUntil,
                               List<String> tiers,
                               MemberLimit perMemberLimit) {

    /** The reward this defines, once {@link RewardRules} found nothing wrong with it. */
    Reward toReward(String rewardId, String chainId, long version, Instant at) {
        return new Reward(rewardId, chainId, version, Reward.Status.ACTIVE, name, description, pointsCost, coupon,
                couponValidityDays, couponValidity == null ? null : Duration.parse(couponValidity), stock, firstX,
                availableFrom, availableUntil, tiers, perMemberLimit, at);
    }
}
