package io.patronage.analytics.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What the views know of one member: when they enrolled and on which days (in the chain's time zone) they bought.
 *
 * @param enrolledOn   {@code null} until the enrollment is read
 * @param purchaseDays the distinct days with a purchase
 */
public record MemberActivity(String chainId,
                             String memberId,
                             LocalDate enrolledOn,
                             Instant enrolledAt,
                             TreeSet<LocalDate> purchaseDays,
                             long purchases,
                             BigDecimal spend,
                             Instant firstPurchaseAt,
                             Instant lastPurchaseAt) {

    public MemberActivity {
        purchaseDays = purchaseDays == null ? new TreeSet<>() : new TreeSet<>(purchaseDays);
        spend = spend == null ? BigDecimal.ZERO : spend;
    }

    public static MemberActivity none(String chainId, String memberId) {
        return new MemberActivity(chainId, memberId, null, null, null, 0, BigDecimal.ZERO, null, null);
    }

    public MemberActivity enrolled(LocalDate day, Instant at) {
        return new MemberActivity(chainId, memberId, day, at, purchaseDays, purchases, spend, firstPurchaseAt,
                lastPurchaseAt);
    }

    public MemberActivity bought(LocalDate day, Instant at, BigDecimal total) {
        TreeSet<LocalDate> days = new TreeSet<>(purchaseDays);
        days.add(day);
        return new MemberActivity(chainId, memberId, enrolledOn, enrolledAt, days, purchases + 1, spend.add(total),
                firstPurchaseAt == null || at.isBefore(firstPurchaseAt) ? at : firstPurchaseAt,
                lastPurchaseAt == null || at.isAfter(lastPurchaseAt) ? at : lastPurchaseAt);
    }

    /** Active on a day: a purchase within the window of days ending that day (that day included). */
    public boolean activeOn(LocalDate day, int windowDays) {
        NavigableSet<LocalDate> days = purchaseDays;
        LocalDate first = days.ceiling(day.minusDays(windowDays - 1L));
        return first != null && !first.isAfter(day);
    }

    public boolean boughtBetween(LocalDate first, LocalDate last) {
        LocalDate day = purchaseDays.ceiling(first);
        return day != null && !day.isAfter(last);
    }
}
