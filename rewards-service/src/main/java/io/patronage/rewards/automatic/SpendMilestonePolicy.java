package io.patronage.rewards.automatic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The spend milestone's decisions, pure: amounts in minor units, and which milestones crossed are still owed. */
final class SpendMilestonePolicy {

    private SpendMilestonePolicy() {
    }

    /** {@code 12.34} EUR is 1234. */
    static long minorUnits(BigDecimal amount, Currency currency) {
        return amount.movePointRight(Math.max(0, currency.getDefaultFractionDigits()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** 1234 minor units are {@code 12.34} EUR. */
    static BigDecimal amount(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /** The lifetime spend at which the next milestone is granted: the one after those granted (never one again). */
    static long nextThreshold(long granted, long every) {
        return (granted + 1) * every;
    }

    /** What is left to spend to {@code threshold}: 0 when it is reached (granted with the next purchase). */
    static long leftTo(long threshold, long spent) {
        return Math.max(0, threshold - spent);
    }

    /**
     * The milestones (numbered from 1) a lifetime spend of {@code spent} has crossed and no coupon was granted for
     * yet ({@code granted} were). Returns lower {@code spent} but take no milestone back: after one, the member
     * crosses the granted milestones again without a second coupon.
     */
    static List<Long> milestonesToGrant(long spent, long granted, long every) {
        List<Long> milestones = new ArrayList<>();
        for (long milestone = granted + 1; spent > 0 && milestone <= spent / every; milestone++) {
            milestones.add(milestone);
        }
        return milestones;
    }
}
