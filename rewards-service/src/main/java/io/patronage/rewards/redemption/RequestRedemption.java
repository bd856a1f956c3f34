package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A member asks to spend points on a reward; the reward's cost and coupon validity are fixed here. */
public record RequestRedemption(@TargetAggregateIdentifier String redemptionId,
                                String memberId,
                                String chainId,
                                String rewardId,
                                long points,
                                int couponValidityDays,
                                Instant requestedAt) {
}
