package io.patronage.kit.clock;

import java.time.Instant;

/**
 * Work a service does when its time comes (points-service's account review: expiry, notices, tier changes). When the
 * simulated clock is moved, {@link ClockDriver} runs it at each instant something is due, in order, before answering.
 */
public interface DueWork {

    /** The earliest instant something is due, {@code null} when nothing is scheduled. */
    Instant nextDue();

    /** Does everything due by {@code now}. */
    void runDue(Instant now);
}
