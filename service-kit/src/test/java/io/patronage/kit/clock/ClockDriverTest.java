package io.patronage.kit.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving the simulated clock runs the due work at each instant it is due, then at the target; never backwards. */
class ClockDriverTest {

    private final SimulatedClock clock = new SimulatedClock();

    /** Work due at given instants; running it at an instant takes what is due by then, as the review job does. */
    private static final class Schedule implements DueWork {
        final TreeSet<Instant> due = new TreeSet<>();
        final List<Instant> ranAt = new ArrayList<>();

        @Override
        public Instant nextDue() {
            return due.isEmpty() ? null : due.first();
        }

        @Override
        public void runDue(Instant now) {
            ranAt.add(now);
            due.headSet(now, true).clear();
        }
    }

    @Test
    void theClockStopsAtEachDueInstantOnTheWayThenAtTheTarget() {
        Instant start = clock.instant();
        Instant first = start.plus(Duration.ofDays(3));
        Instant second = start.plus(Duration.ofDays(40));
        Instant later = start.plus(Duration.ofDays(400));
        Schedule work = new Schedule();
        work.due.addAll(List.of(second, first, later));

        ClockDriver.Moved moved = new ClockDriver(clock, List.of(work)).advanceTo(start.plus(Duration.ofDays(90)));

        assertEquals(List.of(first, second, start.plus(Duration.ofDays(90))), work.ranAt);
        assertEquals(3, moved.steps());
        assertTrue(work.due.contains(later), "what is due after the target waits");
        assertFalse(clock.instant().isBefore(start.plus(Duration.ofDays(90))));
    }

    @Test
    void workThatStaysDueDoesNotHoldTheClockForever() {
        Instant start = clock.instant();
        DueWork stuck = new DueWork() {
            @Override
            public Instant nextDue() {
                return start;
            }

            @Override
            public void runDue(Instant now) {
            }
        };
        ClockDriver.Moved moved = new ClockDriver(clock, List.of(stuck)).advanceTo(start.plus(Duration.ofDays(3)));
        assertTrue(moved.steps() <= 5, "a day at a time at most: " + moved.steps());
        assertFalse(clock.instant().isBefore(start.plus(Duration.ofDays(3))));
    }

    @Test
    void theClockNeverGoesBack() {
        ClockDriver driver = new ClockDriver(clock, List.of());
        Instant ahead = clock.instant().plus(Duration.ofDays(30));
        driver.advanceTo(ahead);
        assertThrows(IllegalArgumentException.class, () -> driver.advanceTo(ahead.minus(Duration.ofDays(1))));
        clock.moveTo(ahead.minus(Duration.ofDays(2)));
        assertFalse(clock.instant().isBefore(ahead), "moveTo an earlier instant changes nothing");
    }

    @Test
    void aViewInAnotherZoneMovesWithTheClock() {
        java.time.Clock athens = clock.withZone(java.time.ZoneId.of("Europe/Athens"));
        Instant ahead = clock.instant().plus(Duration.ofDays(400));
        new ClockDriver(clock, List.of()).advanceTo(ahead);
        assertEquals(java.time.ZoneId.of("Europe/Athens"), athens.getZone());
        assertFalse(athens.instant().isBefore(ahead), "moved with the clock it was taken from");
        assertFalse(java.time.LocalDate.now(athens).isBefore(ahead.atZone(athens.getZone()).toLocalDate()));
    }
}
