package io.patronage.rewards.redemption;

/** Hands out coupon codes that no other coupon of the chain has. */
public interface CouponCodeClaims {

    /** A code of the chain claimed for the redemption. */
    String claim(String chainId, String memberId, String redemptionId);
}
