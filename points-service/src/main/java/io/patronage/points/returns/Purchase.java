package io.patronage.points.returns;

import io.patronage.contracts.retail.TransactionLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A purchase that earned points, with what its returns have taken back so far.
 *
 * @param bought   the quantity bought per SKU, what a return without {@code originalTransactionId} is matched against;
 *                 {@code null} when not known (a snapshot written before it was kept)
 * @param returned the quantity per SKU its returns gave back so far (those whose lines are known)
 */
public record Purchase(String lotId, long points, BigDecimal amount, BigDecimal eligibleAmount, Instant occurredAt,
                       long referrerBonus, BigDecimal returnedShare, long reversedPoints,
                       Map<String, BigDecimal> bought, Map<String, BigDecimal> returned) {

    public Purchase {
        returned = returned == null ? Map.of() : returned;
    }

    /** A purchase as it earned, with its receipt lines. */
    public static Purchase earned(String lotId, long points, BigDecimal amount, BigDecimal eligibleAmount,
                                  Instant occurredAt, long referrerBonus, List<TransactionLine> lines) {
        return new Purchase(lotId, points, amount, eligibleAmount, occurredAt, referrerBonus, BigDecimal.ZERO, 0,
                bySku(lines), Map.of());
    }

    public Purchase returned(BigDecimal share, long points, List<TransactionLine> lines) {
        Map<String, BigDecimal> more = new HashMap<>(returned);
        bySku(lines).forEach((sku, quantity) -> more.merge(sku, quantity, BigDecimal::add));
        return new Purchase(lotId, this.points, amount, eligibleAmount, occurredAt, referrerBonus, share,
                reversedPoints + points, bought, Map.copyOf(more));
    }

    /** The quantity of {@code sku} bought and not returned yet; 0 when unknown. */
    public BigDecimal left(String sku) {
        if (bought == null) {
            return BigDecimal.ZERO;
        }
        return bought.getOrDefault(sku, BigDecimal.ZERO).subtract(returned.getOrDefault(sku, BigDecimal.ZERO))
                .max(BigDecimal.ZERO);
    }

    private static Map<String, BigDecimal> bySku(List<TransactionLine> lines) {
        Map<String, BigDecimal> quantities = new HashMap<>();
        if (lines != null) {
            for (TransactionLine line : lines) {
                if (line.sku() != null && line.quantity() != null && line.quantity().signum() > 0) {
                    quantities.merge(line.sku(), line.quantity(), BigDecimal::add);
                }
            }
        }
        return Map.copyOf(quantities);
    }
}
