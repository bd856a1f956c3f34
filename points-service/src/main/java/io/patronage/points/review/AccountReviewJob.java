package io.patronage.points.review;

import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.clock.DueWork;
import io.patronage.points.expiry.ReviewAccount;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Every {@code patronage.points.review-interval}: the accounts whose next review is due (a lot's expiry notice
 * or expiry, a tier to re-evaluate, as the balance projection records them) get a {@link ReviewAccount}
 * command, which emits {@code PointsExpired}, expiry notices and tier changes; their next review is stored in
 * one bulk write. The decisions are the aggregate's, so a run that overlaps another (another instance's) changes
 * nothing twice; an account another instance changed during its review stays due for the next run.
 * <p>
 * Its time is the service's clock: with the simulated clock, {@code POST /admin/clock} runs it at each instant an
 * account is due on the way to the new time (it is the service's {@link DueWork}), so that what it emits carries
 * the instant it was due at (a lot's expiry instant, say).
 */
@Singleton
public class AccountReviewJob implements DueWork {

    private static final Logger LOG = LoggerFactory.getLogger(AccountReviewJob.class);

    private final ReviewQueue queue;
    private final CommandGateway commands;
    private final Clock clock;

    AccountReviewJob(ReviewQueue queue, CommandGateway commands, Clock clock) {
        this.clock = clock;
        this.queue = queue;
        this.commands = commands;
    }

    @Scheduled(fixedDelay = "${patronage.points.review-interval:15m}", initialDelay = "${patronage.points.review-initial-delay:1m}")
    void run() {
        review(clock.instant());
    }

    @Override
    public Instant nextDue() {
        return queue.nextDue();
    }

    @Override
    public void runDue(Instant now) {
        review(now);
    }

    /** Reviews every account due by {@code now} (any instant: tests and ops can run it ahead); returns how many. */
    public int review(Instant now) {
        Map<String, Date> due = queue.dueForReview(now);
        Map<String, Instant> next = new HashMap<>();
        for (String memberId : due.keySet()) {
            try {
                next.put(memberId, commands.sendAndWait(new ReviewAccount(memberId, now)));
            } catch (AggregateNotFoundException e) {
                next.put(memberId, null);
            } catch (ConcurrencyException e) {
                // another instance changed the account meanwhile (it may be reviewing it too): due again next run
            }
        }
        queue.scheduleReviews(due, next);
        if (!due.isEmpty()) {
            LOG.info("reviewed {} accounts due by {}", due.size(), now);
        }
        return due.size();
    }
}
