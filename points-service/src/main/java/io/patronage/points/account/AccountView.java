package io.patronage.points.account;

import io.patronage.points.ledger.OpenLot;

import java.math.BigDecimal;
import java.util.List;

/**
 * The account as of an instant: the ledger, and the tier with the progress towards the next one.
 *
 * @param qualifying what counts towards the tiers over the current window
 * @param nextTier   {@code null} at the top or without tiers
 * @param toNextTier what is missing to reach {@code nextTier}
 */
public record AccountView(String memberId, long balance, long available, long pending, long debt,
                          List<OpenLot> lots, String tier, BigDecimal qualifying, String nextTier,
                          BigDecimal toNextTier) {
}
