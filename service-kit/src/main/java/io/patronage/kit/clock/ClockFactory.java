package io.patronage.kit.clock;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} every service takes business time from (reviews, expiry, pending periods, redemption and
 * coupon times, age checks): the system clock in UTC, or with {@code patronage.clock.simulated=true} a
 * {@link SimulatedClock} that {@code POST /admin/clock} moves forward. Infrastructure timestamps (Kafka headers, Axon
 * event timestamps, heartbeats) stay on the system clock.
 */
@Factory
class ClockFactory {

    static final String SIMULATED = "patronage.clock.simulated";

    @Singleton
    @Requires(property = SIMULATED, notEquals = "true")
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Requires(property = SIMULATED, value = "true")
    SimulatedClock simulatedClock() {
        return new SimulatedClock();
    }
}
