package io.patronage.rewards.redemption;

import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells other services about issued coupons on {@code loyalty.rewards.v1}, once the coupon is stored.
 * The CloudEvent id is the domain event's id, so publishing it again is recognised as the same fact.
 */
@Singleton
class CouponIssuedPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CouponIssuedPublisher.class);

    private final EventPublisher publisher;

    CouponIssuedPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(CouponIssued event, @MessageIdentifier String eventId) {
        io.patronage.contracts.rewards.CouponIssued published = new io.patronage.contracts.rewards.CouponIssued(
                event.couponCode(), event.memberId(), event.chainId(), event.redemptionId(), event.rewardId(),
                event.points(), event.issuedAt(), event.expiresAt());
        AfterCommit.run(() -> publisher.publish(published, eventId, event.issuedAt())
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        LOG.error("CouponIssued for redemption {} not published", event.redemptionId(), failure);
                    }
                }));
    }
}
