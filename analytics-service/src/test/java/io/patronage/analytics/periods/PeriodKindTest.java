package io.patronage.analytics.periods;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodKindTest {

    @Test
    void isoWeeksBelongToTheirWeekBasedYear() {
        Period week = PeriodKind.WEEK.of(LocalDate.parse("2027-01-01"));

        assertEquals("2026-W53", week.id(), "Friday 1 January 2027 is in the last week of 2026");
        assertEquals(LocalDate.parse("2026-12-28"), week.first());
        assertEquals(LocalDate.parse("2027-01-03"), week.last());
        assertEquals("2027-W01", week.next().id());
        assertEquals(week, PeriodKind.WEEK.parse("2026-W53"));
    }

    @Test
    void monthsAndQuartersHaveTheirFirstAndLastDays() {
        Period february = PeriodKind.MONTH.of(LocalDate.parse("2028-02-10"));
        Period quarter = PeriodKind.QUARTER.of(LocalDate.parse("2026-11-27"));

        assertEquals(LocalDate.parse("2028-02-29"), february.last(), "a leap year");
        assertEquals("2026-Q4", quarter.id());
        assertEquals(LocalDate.parse("2026-10-01"), quarter.first());
        assertEquals(LocalDate.parse("2026-12-31"), quarter.last());
        assertEquals("2026-Q3", quarter.previous().id());
        assertTrue(Period.ALL_TIME.contains(LocalDate.parse("1999-01-01")));
    }

    @Test
    void anIdOfAnotherKindIsRefusedNamingTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeriodKind.MONTH.parse("2026-W48"));

        assertEquals("is not a month (expected 2026-11)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeriodKind.WEEK.parse("2026-W54"));
        assertThrows(IllegalArgumentException.class, () -> PeriodKind.DAY.parse("2026-02-30"));
        assertEquals(PeriodKind.QUARTER, PeriodKind.ofLabel("quarter"));
    }
}
