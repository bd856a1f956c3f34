package io.patronage.rewards.redemption;

/** Makes the codes members show at the till. */
public interface CouponCodes {

    String next();
}
