package io.patronage.rewards.catalog;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/**
 * At most {@code count} redemptions of a reward by one member per {@code period}, periods being calendar periods in
 * the chain's time zone ({@code EVER}: in all).
 */
@Introspected
public record MemberLimit(int count, Period period) {

    public enum Period { DAY, WEEK, MONTH, YEAR, EVER }

    /** The period {@code at} falls in, as a key: {@code 2026-12-02}, {@code 2026-W49}, {@code 2026-12}, {@code 2026}, {@code ever}. */
    public String periodOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (period) {
            case DAY -> day.toString();
            case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.getYear() + "-" + String.format("%02d", day.getMonthValue());
            case YEAR -> String.valueOf(day.getYear());
            case EVER -> "ever";
        };
    }
}
