package io.patronage.rewards.coupons;

import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.clock.DueWork;
import io.patronage.rewards.redemption.ExpireCoupon;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Expires the coupons past their expiry, so that {@code CouponExpired} is published when it happens, not only seen
 * on read. Every instance may run it: the redemption takes a second expiry as a no-op.
 */
@Singleton
class CouponExpiry implements DueWork {

    private static final Logger LOG = LoggerFactory.getLogger(CouponExpiry.class);

    private final MemberCoupons coupons;
    private final CommandGateway commands;
    private final Clock clock;

    CouponExpiry(MemberCoupons coupons, CommandGateway commands, Clock clock) {
        this.coupons = coupons;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${patronage.rewards.coupon-expiry-interval:1m}",
            initialDelay = "${patronage.rewards.coupon-expiry-interval:1m}")
    void expireCoupons() {
        runDue(clock.instant());
    }

    /** On the simulated clock: nothing is announced ahead, it runs at each instant the clock is moved to. */
    @Override
    public Instant nextDue() {
        return null;
    }

    @Override
    public void runDue(Instant now) {
        for (String redemptionId : coupons.pastExpiry(now)) {
            try {
                commands.sendAndWait(new ExpireCoupon(redemptionId, now));
            } catch (RuntimeException e) {
                LOG.warn("could not expire the coupon of redemption {} (tried again at the next run): {}", redemptionId,
                        e.toString());
            }
        }
    }
}
