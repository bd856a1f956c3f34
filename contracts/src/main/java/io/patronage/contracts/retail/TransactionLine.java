package io.patronage.contracts.retail;

import java.math.BigDecimal;

/**
 * One line of a till receipt.
 *
 * @param paidWithReward {@code true} when the line was paid with a reward (a redeemed coupon or points),
 *                       so it earns no points; absent means {@code false}
 */
public record TransactionLine(String sku, String category, BigDecimal quantity, BigDecimal unitPrice,
                              Boolean paidWithReward) {

    public TransactionLine(String sku, String category, BigDecimal quantity, BigDecimal unitPrice) {
        this(sku, category, quantity, unitPrice, null);
    }

    /** Not named as a getter, so JSON carries only {@code paidWithReward} as sent. */
    public boolean wasPaidWithReward() {
        return Boolean.TRUE.equals(paidWithReward);
    }
}
