package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Hands a member a coupon without spending points, for an automatic reward: {@code redemptionId} is derived from the
 * occasion (e.g. {@code punch:<chainId>:<memberId>:<punchCardId>:<card>}), so one occasion yields one coupon.
 *
 * @param occasion what earned it ({@link CouponGranted#PUNCH_CARD}, {@link CouponGranted#SPEND_MILESTONE},
 *                 {@link CouponGranted#WELCOME_OFFER}, {@link CouponGranted#BIRTHDAY_OFFER},
 *                 {@link CouponGranted#WIN_BACK_OFFER}); {@code policyId} names the chain's policy, {@code visits} the
 *                 visits of a completed punch card (else 0)
 */
public record GrantCoupon(@TargetAggregateIdentifier String redemptionId,
                          String memberId,
                          String chainId,
                          String rewardId,
                          String couponCode,
                          Duration couponValidity,
                          Instant grantedAt,
                          String occasion,
                          String policyId,
                          int visits) {
}
