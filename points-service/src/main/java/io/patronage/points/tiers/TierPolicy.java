package io.patronage.points.tiers;

import io.patronage.points.program.TierRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tier policy, pure functions of the rules, the account's activity and its tier: what qualifies over the window,
 * the upgrade an earning brings (at once) and the downgrade a review brings (per the rules' downgrade and grace).
 */
public final class TierPolicy {

    private TierPolicy() {
    }

    /** What counts towards the tiers over the window that ends at {@code at}. */
    public static BigDecimal qualifying(TierRules tiers, List<Activity> activity, Instant at) {
        Instant from = at.minus(Duration.ofDays(tiers.windowDays()));
        return activity.stream().filter(a -> a.at().isAfter(from) && !a.at().isAfter(at))
                .map(a -> switch (tiers.basis()) {
                    case POINTS -> BigDecimal.valueOf(a.points());
                    case SPEND -> a.spend();
                    case VISITS -> BigDecimal.valueOf(a.visits());
                })
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The tier reached above {@code tier}, {@code null} when none. */
    public static String upgrade(TierRules tiers, List<Activity> activity, String tier, Instant at) {
        TierRules.Level reached = tiers.levelFor(qualifying(tiers, activity, at));
        return reached != null && tiers.rank(reached.name()) > tiers.rank(tier) ? reached.name() : null;
    }

    /**
     * Whether the member falls below {@code tier} when the window no longer qualifies; with grace, only if it did not
     * qualify grace days ago either. {@link #downgradeTo} names the tier then.
     */
    public static boolean downgrades(TierRules tiers, List<Activity> activity, String tier, Instant at) {
        if (tier == null || tiers.downgrade() == TierRules.Downgrade.NEVER) {
            return false;
        }
        return tiers.rank(downgradeTo(tiers, activity, at)) < tiers.rank(tier);
    }

    /** The tier the window (with grace, the better of now and grace days ago) qualifies for, {@code null} for none. */
    public static String downgradeTo(TierRules tiers, List<Activity> activity, Instant at) {
        TierRules.Level now = tiers.levelFor(qualifying(tiers, activity, at));
        if (tiers.downgrade() == TierRules.Downgrade.AFTER_GRACE) {
            TierRules.Level before = tiers.levelFor(qualifying(tiers, activity,
                    at.minus(Duration.ofDays(tiers.graceDays()))));
            now = tiers.rank(before == null ? null : before.name()) > tiers.rank(now == null ? null : now.name())
                    ? before : now;
        }
        return now == null ? null : now.name();
    }
}
