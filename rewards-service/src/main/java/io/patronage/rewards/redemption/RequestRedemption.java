package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * A member asks to spend points on a reward; the reward's cost and coupon validity are fixed here.
 *
 * @param rewardVersion the catalog version of the reward redeemed; {@code null} when not known
 * @param deadline      when the redemption expires if points-service has not answered; {@code null}: never
 */
public record RequestRedemption(@TargetAggregateIdentifier String redemptionId,
                                String memberId,
                                String chainId,
                                String rewardId,
                                long points,
                                Duration couponValidity,
                                Instant requestedAt,
                                Long rewardVersion,
                                Instant deadline) {

    public RequestRedemption(String redemptionId, String memberId, String chainId, String rewardId, long points,
                             Duration couponValidity, Instant requestedAt) {
        this(redemptionId, memberId, chainId, rewardId, points, couponValidity, requestedAt, null, null);
    }
}
