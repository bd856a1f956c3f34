package io.patronage.rewards.redemption;

import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.clock.DueWork;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Expires the redemptions points-service has not answered by their deadline. The pending ones are stored (not kept
 * in a timer), so a restart loses none; every instance may run it, the aggregate takes a second expiry as a no-op.
 */
@Singleton
class RedemptionDeadlines implements DueWork {

    private static final Logger LOG = LoggerFactory.getLogger(RedemptionDeadlines.class);

    private final RedemptionViews views;
    private final CommandGateway commands;
    private final Clock clock;

    RedemptionDeadlines(RedemptionViews views, CommandGateway commands, Clock clock) {
        this.views = views;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${patronage.rewards.deadline-check-interval:5s}",
            initialDelay = "${patronage.rewards.deadline-check-interval:5s}")
    void expirePastDeadlines() {
        runDue(clock.instant());
    }

    /** On the simulated clock: nothing is announced ahead, it runs at each instant the clock is moved to. */
    @Override
    public Instant nextDue() {
        return null;
    }

    @Override
    public void runDue(Instant now) {
        for (String redemptionId : views.pastDeadline(now)) {
            try {
                commands.sendAndWait(new ExpireRedemption(redemptionId, now));
            } catch (RuntimeException e) {
                LOG.warn("could not expire redemption {} (tried again at the next check): {}", redemptionId,
                        e.toString());
            }
        }
    }
}
