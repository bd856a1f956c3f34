package io.patronage.points.adjustments;

import java.math.BigDecimal;

/**
 * What a credit adjustment gives back of the points that paid for a purchase at the till, because of a return.
 *
 * @param originalTransactionId the purchase whose points payment this gives back (part of)
 * @param returnTransactionId   the return that gives them back
 * @param share                 the share of the purchase's total returned so far, this return included (at most 1)
 */
public record PaymentRefund(String originalTransactionId, String returnTransactionId, BigDecimal share) {
}
