package io.patronage.rewards.redemption;

import java.time.Instant;

/**
 * A coupon handed to a member by an automatic reward, no points spent. Published as
 * {@code io.patronage.contracts.rewards.CouponIssued} (0 points; {@code redemptionId} the grant's id) with the
 * occasion's notification; afterwards the coupon lives like a redeemed one (used, reinstated, expired).
 */
public record CouponGranted(String redemptionId,
                            String memberId,
                            String chainId,
                            String rewardId,
                            String couponCode,
                            Instant issuedAt,
                            Instant expiresAt,
                            String occasion,
                            String policyId,
                            int visits) {

    /** A completed punch card; {@code visits} are the card's. */
    public static final String PUNCH_CARD = "PUNCH_CARD";
    /** A milestone of lifetime spend crossed; {@code visits} is 0. */
    public static final String SPEND_MILESTONE = "SPEND_MILESTONE";
    /** A new member's welcome offer; {@code visits} is 0. */
    public static final String WELCOME_OFFER = "WELCOME_OFFER";
    /** The chain's birthday offer, once a year; {@code visits} is 0. */
    public static final String BIRTHDAY_OFFER = "BIRTHDAY_OFFER";
    /** The chain's win-back offer, once per dormancy spell; {@code visits} is 0. */
    public static final String WIN_BACK_OFFER = "WIN_BACK_OFFER";
}
