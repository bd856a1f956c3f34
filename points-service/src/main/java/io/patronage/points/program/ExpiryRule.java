package io.patronage.points.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * When earned points expire, fixed on the lot when it is earned. The instant is always the start of a day
 * (midnight) in the program's zone, i.e. the lot is usable through the whole of the previous day.
 *
 * @param afterDays        the lot expires at the end of the {@code afterDays}-th day after the day it was earned
 * @param periodEnd        or: at the end of the period ({@code MONTH}, {@code QUARTER}, {@code YEAR}) that ends
 *                         {@code periods - 1} periods after the one it was earned in (periods = 1: the same period)
 * @param notifyDaysBefore a {@code POINTS_EXPIRING} notification goes out this many days ahead; 0 for none
 */
public record ExpiryRule(Integer afterDays, Period periodEnd, int periods, int notifyDaysBefore) {

    public static final ExpiryRule NEVER = new ExpiryRule(null, null, 0, 0);
    /** A century, the most of {@code afterDays} and {@code notifyDaysBefore} in a new program (see {@link #bounded}). */
    public static final int MAX_DAYS = 36_600;
    public static final int MAX_PERIODS = 1_200;

    public enum Period { MONTH, QUARTER, YEAR }

    public ExpiryRule {
        if (afterDays != null && periodEnd != null) {
            throw new IllegalArgumentException("expiry: either afterDays or periodEnd, not both");
        }
        if (afterDays != null && afterDays < 1) {
            throw new IllegalArgumentException("expiry.afterDays must be at least 1");
        }
        if (periodEnd != null && periods < 1) {
            periods = 1;
        }
        if (notifyDaysBefore < 0) {
            throw new IllegalArgumentException("expiry.notifyDaysBefore must not be negative");
        }
    }

    /**
     * This rule, when its lots expire within a century: no program keeps points longer, and a lot's dates must stay
     * within what a stored date can hold (beyond it, every purchase of the chain failed). Checked on a new program
     * only, so that a version stored before the bound still loads.
     *
     * @throws IllegalArgumentException naming the field beyond its bound
     */
    public ExpiryRule bounded() {
        if (afterDays != null && afterDays > MAX_DAYS) {
            throw new IllegalArgumentException("expiry.afterDays must be at most " + MAX_DAYS);
        }
        if (periods > MAX_PERIODS) {
            throw new IllegalArgumentException("expiry.periods must be at most " + MAX_PERIODS);
        }
        if (notifyDaysBefore > MAX_DAYS) {
            throw new IllegalArgumentException("expiry.notifyDaysBefore must be at most " + MAX_DAYS);
        }
        return this;
    }

    /** The instant a lot earned at {@code earnedAt} expires, {@code null} when points never expire. */
    public Instant expiresAt(Instant earnedAt, ZoneId zone) {
        LocalDate day = earnedAt.atZone(zone).toLocalDate();
        LocalDate lastDay;
        if (afterDays != null) {
            lastDay = day.plusDays(afterDays);
        } else if (periodEnd != null) {
            lastDay = switch (periodEnd) {
                case MONTH -> day.plusMonths(periods - 1L).with(TemporalAdjusters.lastDayOfMonth());
                case QUARTER -> {
                    LocalDate quarter = day.plusMonths(3L * (periods - 1));
                    yield quarter.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
                }
                case YEAR -> day.plusYears(periods - 1L).with(TemporalAdjusters.lastDayOfYear());
            };
        } else {
            return null;
        }
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
