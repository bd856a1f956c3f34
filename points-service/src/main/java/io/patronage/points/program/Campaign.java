package io.patronage.points.program;

import io.patronage.points.ledger.LedgerLimits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A time-boxed or coupon-bound rule: festivals, holidays, store anniversaries, "double points with code X".
 * Applies to a purchase whose till date (in the program's zone) lies in {@code [from, to]}, made in one of
 * {@code stores} (any store when empty) and, when {@code couponCode} is set, carrying that code. It
 * multiplies the points of the eligible lines in {@code categories} (all lines when empty) and/or adds a
 * fixed {@code bonus} once when at least one such line was bought.
 *
 * @param from       first day, inclusive; {@code null} for no start
 * @param to         last day, inclusive; {@code null} for no end
 * @param multiplier {@code null} or 1 for none; 2 doubles the base points of the matching lines
 * @param bonus      fixed points, 0 for none
 * @param priority   of its multiplier, with {@link Stacking#PRIORITY}; 0 when not given
 */
public record Campaign(String name, LocalDate from, LocalDate to, BigDecimal multiplier, long bonus,
                       List<String> stores, List<String> categories, String couponCode, int priority) {

    public Campaign {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a campaign needs a name");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("campaign " + name + " ends before it starts");
        }
        multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
        if (multiplier.signum() < 0 || bonus < 0) {
            throw new IllegalArgumentException("campaign " + name + ": multiplier and bonus must not be negative");
        }
        ProgramNumbers.bounded("campaign " + name + ": multiplier", multiplier, ProgramNumbers.MAX_FACTOR);
        if (bonus > LedgerLimits.TRANSACTION) {
            throw new IllegalArgumentException("campaign " + name + ": a bonus is at most " + LedgerLimits.TRANSACTION
                    + " points");
        }
        stores = stores == null ? List.of() : List.copyOf(stores);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public Campaign(String name, LocalDate from, LocalDate to, BigDecimal multiplier, long bonus,
                    List<String> stores, List<String> categories, String couponCode) {
        this(name, from, to, multiplier, bonus, stores, categories, couponCode, 0);
    }

    public String rule() {
        return "campaign:" + name;
    }

    public boolean appliesTo(LocalDate day, String storeId, List<String> couponCodes) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))
                && (stores.isEmpty() || stores.contains(storeId))
                && (couponCode == null || couponCodes.contains(couponCode));
    }

    public boolean covers(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
