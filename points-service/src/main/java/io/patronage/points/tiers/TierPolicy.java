package io.patronage.points.tiers;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.TierRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tier policy, pure functions of the rules, the account's activity and ledger and its tier: what qualifies (over
 * the window, or the balance or available points at the instant), the upgrade an earning or a review brings (at once)
 * and the downgrade a review brings (per the rules' downgrade and grace), or, with {@code ON_DROP}, any event that
 * lowers the basis.
 */
public final class TierPolicy {

    private TierPolicy() {
    }

    /**
     * What counts towards the tiers at {@code at}: the points, spend or visits of the window that ends then, or the
     * balance or the available points ({@code ledger} as it is; never below 0). Points are in points, not in the
     * ledger's {@code unit}, as the thresholds are.
     */
    public static BigDecimal qualifying(TierRules tiers, PointsUnit unit, List<Activity> activity, Ledger ledger,
                                        Instant at) {
        return switch (tiers.basis()) {
            case BALANCE -> unit.points(Math.max(0, ledger.balance()));
            case AVAILABLE -> unit.points(Math.max(0, ledger.available(at)));
            case POINTS, SPEND, VISITS -> overWindow(tiers, unit, activity, at);
        };
    }

    private static BigDecimal overWindow(TierRules tiers, PointsUnit unit, List<Activity> activity, Instant at) {
        Instant from = at.minus(Duration.ofDays(tiers.windowDays()));
        return activity.stream().filter(a -> a.at().isAfter(from) && !a.at().isAfter(at))
                .map(a -> switch (tiers.basis()) {
                    case SPEND -> a.spend();
                    case VISITS -> BigDecimal.valueOf(a.visits());
                    default -> unit.points(a.points());
                })
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The tier reached above {@code tier}, {@code null} when none. */
    public static String upgrade(TierRules tiers, PointsUnit unit, List<Activity> activity, Ledger ledger, String tier,
                                 Instant at) {
        TierRules.Level reached = tiers.levelFor(qualifying(tiers, unit, activity, ledger, at));
        return reached != null && tiers.rank(reached.name()) > tiers.rank(tier) ? reached.name() : null;
    }

    /**
     * Whether the member falls below {@code tier} when the basis no longer qualifies; with grace, only if it did not
     * qualify within the grace days either. {@link #downgradeTo} names the tier then.
     */
    public static boolean downgrades(TierRules tiers, PointsUnit unit, List<Activity> activity, Ledger ledger,
                                     String tier, Instant at) {
        if (tier == null || tiers.downgrade() == TierRules.Downgrade.NEVER) {
            return false;
        }
        return tiers.rank(downgradeTo(tiers, unit, activity, ledger, at)) < tiers.rank(tier);
    }

    /**
     * Whether an event that lowered the basis (a return, redemption, expiry or debit) takes the tier down at once:
     * only under {@code ON_DROP}, when {@link #downgrades} says so.
     */
    public static boolean dropsAtOnce(TierRules tiers, PointsUnit unit, List<Activity> activity, Ledger ledger,
                                      String tier, Instant at) {
        return tiers.downgrade() == TierRules.Downgrade.ON_DROP
                && downgrades(tiers, unit, activity, ledger, tier, at);
    }

    /**
     * The tier the member keeps at {@code at}: what the basis then qualifies for; with {@code AFTER_GRACE}, the best
     * the window qualified for at any moment of the last {@code graceDays} (so the member falls exactly
     * {@code graceDays} after the window last qualified for their tier). {@code null} for none.
     */
    public static String downgradeTo(TierRules tiers, PointsUnit unit, List<Activity> activity, Ledger ledger,
                                     Instant at) {
        TierRules.Level kept = tiers.levelFor(qualifying(tiers, unit, activity, ledger, at));
        if (tiers.downgrade() == TierRules.Downgrade.AFTER_GRACE && tiers.graceDays() > 0) {
            for (Instant end : windowChanges(tiers, activity, at.minus(Duration.ofDays(tiers.graceDays())), at)) {
                kept = better(tiers, kept, tiers.levelFor(overWindow(tiers, unit, activity, end)));
            }
        }
        return kept == null ? null : kept.name();
    }

    /**
     * {@code from} and every instant in {@code (from, at]} where what the window holds changes (an activity enters it,
     * or leaves it {@code windowDays} later): between them it stays as it was, so these are all the windows to look at.
     */
    private static List<Instant> windowChanges(TierRules tiers, List<Activity> activity, Instant from, Instant at) {
        Duration window = Duration.ofDays(tiers.windowDays());
        List<Instant> ends = new ArrayList<>(List.of(from));
        for (Activity a : activity) {
            for (Instant change : List.of(a.at(), a.at().plus(window))) {
                if (change.isAfter(from) && !change.isAfter(at)) {
                    ends.add(change);
                }
            }
        }
        return ends;
    }

    private static TierRules.Level better(TierRules tiers, TierRules.Level a, TierRules.Level b) {
        return tiers.rank(b == null ? null : b.name()) > tiers.rank(a == null ? null : a.name()) ? b : a;
    }
}
