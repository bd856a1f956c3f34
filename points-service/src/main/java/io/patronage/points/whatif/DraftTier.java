package io.patronage.points.whatif;

import io.patronage.points.account.Holdings;
import io.patronage.points.account.Poisoned;
import io.patronage.points.earning.AccountStanding;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.TierRules;
import io.patronage.points.tiers.Activity;
import io.patronage.points.tiers.TierPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's tier under a draft's tiers, re-derived from their events for what-if: the ledger and activity folded by
 * the account's own {@link Holdings}, an upgrade when an earning or award reaches a threshold, and a downgrade per the
 * draft's mode as if the account were reviewed at each purchase (with {@code ON_DROP}, a drop since the last purchase
 * counts by then too). A draft without tier levels keeps the tier the member actually had.
 */
final class DraftTier {

    private final TierRules tiers;
    private final PointsUnit unit;
    private final Ledger ledger = new Ledger();
    private final List<Activity> activity = new ArrayList<>();
    private String tier;
    /** From an event beyond the ledger's limits on (stored by an older version), as the account stops there. */
    private boolean frozen;

    DraftTier(TierRules tiers, PointsUnit unit) {
        this.tiers = tiers;
        this.unit = unit;
    }

    /** The standing a purchase at {@code at} is rated with: the draft's tier in it, re-evaluated at {@code at}. */
    AccountStanding standing(AccountStanding actual, Instant at) {
        if (tiers.levels().isEmpty()) {
            return actual;
        }
        if (TierPolicy.downgrades(tiers, unit, activity, ledger, tier, at)) {
            tier = TierPolicy.downgradeTo(tiers, unit, activity, ledger, at);
        }
        return new AccountStanding(actual.birthday(), actual.purchases(), actual.lastBirthdayBonus(), tier,
                actual.referred(), actual.earnings());
    }

    void fold(PointsAccountEvent event) {
        frozen = frozen || Poisoned.violation(event) != null;
        if (frozen) {
            return;
        }
        Holdings.fold(event, ledger, activity);
        Instant at = event instanceof PointsEarned earned ? earned.occurredAt().toInstant()
                : event instanceof PointsAwarded awarded ? awarded.awardedAt() : null;
        if (at != null && !tiers.levels().isEmpty()) {
            String reached = TierPolicy.upgrade(tiers, unit, activity, ledger, tier, at);
            tier = reached == null ? tier : reached;
        }
    }
}
