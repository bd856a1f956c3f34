package io.patronage.analytics.periods;

import java.time.LocalDate;

/**
 * One period of a chain's calendar.
 *
 * @param id    what the published key and the HTTP API call it: {@code 2026-11-27}, {@code 2026-W48}, {@code 2026-11},
 *              {@code 2026-Q4} or {@code all-time}
 * @param first its first day; {@code null} for all time
 * @param last  its last day (inclusive); {@code null} for all time
 */
public record Period(PeriodKind kind, String id, LocalDate first, LocalDate last) {

    public static final Period ALL_TIME = new Period(PeriodKind.ALL_TIME, "all-time", null, null);

    public boolean contains(LocalDate day) {
        return kind == PeriodKind.ALL_TIME || !day.isBefore(first) && !day.isAfter(last);
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return kind.of(first.minusDays(1));
    }

    /** The period of the same kind just after this one. */
    public Period next() {
        return kind.of(last.plusDays(1));
    }
}
