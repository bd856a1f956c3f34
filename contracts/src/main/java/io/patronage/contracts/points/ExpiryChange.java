package io.patronage.contracts.points;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a points event changed in a member's points that expire at one instant: positive for a credited lot with an
 * expiry, negative for points taken from such lots (redeemed, reversed, expired, debited by an adjustment). Points
 * that never expire have none. Summed over a member's events, they give the member's expiry schedule (what expires
 * when); summed over a chain's, the chain's.
 */
public record ExpiryChange(Instant expiresAt, BigDecimal points) {
}
