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
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public SimulatedClock() {
        this(Clock.systemUTC());
    }

    SimulatedClock(Clock real) {
        this.real = real;
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
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is in UTC; convert instants to zones where needed");
    }
}
