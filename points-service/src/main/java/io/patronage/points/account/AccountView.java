package io.patronage.points.account;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.program.TierRules;
import io.patronage.points.tiers.Activity;
import io.patronage.points.tiers.TierPolicy;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** The account as of {@code at}: the ledger, and the tier with the progress towards the next one. */
    static AccountView of(String memberId, Ledger ledger, String tier, List<Activity> activity, TierRules tiers,
                          Instant at) {
        BigDecimal qualifying = TierPolicy.qualifying(tiers, activity, at);
        TierRules.Level next = tiers.next(tier);
        return new AccountView(memberId, ledger.balance(), Math.max(0, ledger.available(at)), ledger.pending(at),
                ledger.debt(), ledger.lots(), tier, qualifying, next == null ? null : next.name(),
                next == null ? null : next.threshold().subtract(qualifying).max(BigDecimal.ZERO));
    }
}
