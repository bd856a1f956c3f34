package io.patronage.kit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that starts at the real time and runs with it, but can be moved forward (never back): the real time plus
 * an offset that only grows. What {@code patronage.clock.simulated=true} gives every service instead of the system
 * clock, so that expiry, pending periods and tier windows can be shown and tested without waiting months.
 */
public final class SimulatedClock extends Clock {

    private final Clock real;
    /** Shared with the clock's views in other zones ({@link #withZone}), so that they move together. */
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public SimulatedClock() {
        this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private SimulatedClock(Clock real, AtomicReference<Duration> offset, ZoneId zone) {
        this.real = real;
        this.offset = offset;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    /** Moves the clock to {@code target} if that is ahead of it; a target at or before its time changes nothing. */
    public void moveTo(Instant target) {
        offset.updateAndGet(current -> {
            Duration wanted = Duration.between(real.instant(), target);
            return wanted.compareTo(current) > 0 ? wanted : current;
        });
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen in {@code zone} (e.g. a chain's, for a member's age): it moves with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new SimulatedClock(real, offset, zone);
    }
}
