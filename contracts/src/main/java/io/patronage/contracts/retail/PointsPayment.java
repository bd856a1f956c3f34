package io.patronage.contracts.retail;

import java.math.BigDecimal;

/**
 * The part of a purchase the member pays with points at the till.
 *
 * @param points the points spent, above 0: whole, or with at most the decimals the chain's program keeps
 * @param amount what they pay of the purchase's {@code total}, in its currency and minor units: exactly
 *               {@code points ×} the chain's point value ({@code pointValue} on {@code loyalty.chains.v1}), above 0
 *               and at most the total
 */
public record PointsPayment(BigDecimal points, BigDecimal amount) {
}
