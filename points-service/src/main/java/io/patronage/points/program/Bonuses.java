package io.patronage.points.program;

import io.patronage.points.ledger.LedgerLimits;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Fixed points a program gives, added after rounding.
 *
 * @param skus               points per unit bought of a SKU
 * @param visit              points for every purchase that reaches the minimum spend
 * @param birthday           once a year, on the birthday or in the birthday month; {@code null} for none
 * @param firstPurchase      on the member's first purchase
 * @param referrer           to the referrer, when the member they referred makes a first purchase
 * @param referee            to the referred member, on their first purchase
 * @param engagement         per engagement type ({@code SURVEY_COMPLETED}, {@code REVIEW}, {@code SOCIAL_SHARE})
 * @param skusOnce           points once per purchase with an earning line of a SKU (any quantity above 0), whatever the quantity
 */
public record Bonuses(Map<String, Long> skus, long visit, BirthdayBonus birthday, long firstPurchase,
                      long referrer, long referee, Map<String, Long> engagement, Map<String, Long> skusOnce) {

    public static final Bonuses NONE = new Bonuses(null, 0, null, 0, 0, 0, null);

    public Bonuses(Map<String, Long> skus, long visit, BirthdayBonus birthday, long firstPurchase, long referrer,
                   long referee, Map<String, Long> engagement) {
        this(skus, visit, birthday, firstPurchase, referrer, referee, engagement, null);
    }

    public Bonuses {
        if (skusOnce != null && skusOnce.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null
                || e.getValue() < 0 || e.getValue() > LedgerLimits.TRANSACTION)) {
            throw new IllegalArgumentException("bonuses.skusOnce: a bonus is between 0 and " + LedgerLimits.TRANSACTION
                    + " points");
        }
        skusOnce = skusOnce == null ? Map.of() : Map.copyOf(skusOnce);
        skus = skus == null ? Map.of() : Map.copyOf(skus);
        engagement = engagement == null ? Map.of() : Map.copyOf(engagement);
        if (visit < 0 || firstPurchase < 0 || referrer < 0 || referee < 0
                || skus.values().stream().anyMatch(p -> p < 0) || engagement.values().stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("bonuses must not be negative");
        }
        if (Stream.of(Stream.of(visit, firstPurchase, referrer, referee), skus.values().stream(),
                engagement.values().stream()).flatMap(points -> points).anyMatch(p -> p > LedgerLimits.TRANSACTION)) {
            throw new IllegalArgumentException("a bonus is at most " + LedgerLimits.TRANSACTION + " points");
        }
    }

    /** Points for an award outside a purchase: {@code referrer} or an engagement type; 0 when the program gives none. */
    public long award(String rule) {
        return "referrer".equals(rule) ? referrer : engagement.getOrDefault(rule, 0L);
    }

    /** A birthday bonus: on the {@code DAY} itself or anywhere in the {@code MONTH}, in the program's zone. */
    public record BirthdayBonus(long points, Scope scope) {
        public enum Scope { DAY, MONTH }

        public BirthdayBonus {
            if (points < 0 || points > LedgerLimits.TRANSACTION) {
                throw new IllegalArgumentException("the birthday bonus must be between 0 and " + LedgerLimits.TRANSACTION);
            }
            scope = scope == null ? Scope.DAY : scope;
        }
    }
}
