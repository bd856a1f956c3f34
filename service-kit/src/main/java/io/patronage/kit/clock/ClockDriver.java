package io.patronage.kit.clock;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves the simulated clock forward and runs the service's {@link DueWork} on the way: the clock stops at each
 * instant something is due (so that what happens then carries that time, e.g. a lot's expiry instant) and the work
 * runs there, then at the target. Work still due where it already ran (another instance took it, say) waits a day of
 * simulated time, so a move always ends.
 */
@Singleton
@Requires(property = ClockFactory.SIMULATED, value = "true")
public class ClockDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ClockDriver.class);
    private static final Duration STUCK_STEP = Duration.ofDays(1);

    private final SimulatedClock clock;
    private final List<DueWork> work;

    ClockDriver(SimulatedClock clock, List<DueWork> work) {
        this.clock = clock;
        this.work = work;
    }

    /** What a move did: from when to when, and at how many instants the due work ran. */
    public record Moved(Instant from, Instant now, int steps) {
    }

    /** @throws IllegalArgumentException when {@code target} is before the clock's time (time moves only forward) */
    public synchronized Moved advanceTo(Instant target) {
        Instant from = clock.instant();
        if (target.isBefore(from)) {
            throw new IllegalArgumentException("advanceTo " + target + " is before the clock's time " + from
                    + ": the simulated clock only moves forward");
        }
        Instant current = from;
        Instant ranAt = null;
        int steps = 0;
        while (true) {
            Instant due = nextDue();
            if (due == null || due.isAfter(target)) {
                break;
            }
            Instant step = due.isAfter(current) ? due : current;
            if (step.equals(ranAt)) {
                step = earliest(current.plus(STUCK_STEP), target);
                if (step.equals(ranAt)) {
                    break;
                }
            }
            clock.moveTo(step);
            run(step);
            current = step;
            ranAt = step;
            steps++;
        }
        if (!target.equals(ranAt)) {
            clock.moveTo(target);
            run(target);
            steps++;
        }
        LOG.info("simulated clock moved from {} to {} ({} steps of due work)", from, target, steps);
        return new Moved(from, clock.instant(), steps);
    }

    private Instant nextDue() {
        Instant next = null;
        for (DueWork each : work) {
            Instant due = each.nextDue();
            if (due != null) {
                next = next == null ? due : earliest(next, due);
            }
        }
        return next;
    }

    private void run(Instant at) {
        for (DueWork each : work) {
            each.runDue(at);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
