package io.patronage.points.program;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * At most {@code points} per member in each calendar {@code period} (month, quarter or year) of the program's zone,
 * counted on the till's {@code occurredAt}.
 */
public record PeriodCap(Long points, ExpiryRule.Period period) {

    public PeriodCap {
        if (points == null || points < 0) {
            throw new IllegalArgumentException("maxPointsPerPeriod.points must be 0 or more: " + points);
        }
        if (period == null) {
            throw new IllegalArgumentException("maxPointsPerPeriod.period is required (one of MONTH, QUARTER, YEAR)");
        }
    }

    /** The first day of the period {@code day} is in. */
    public LocalDate start(LocalDate day) {
        return switch (period) {
            case MONTH -> day.with(TemporalAdjusters.firstDayOfMonth());
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    /** The first day of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (period) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
