package io.patronage.rewards.redemption;

import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells other services about issued coupons on {@code loyalty.rewards.v1}, once the coupon is stored,
 * and asks for the member to be told ({@code COUPON_ISSUED} on {@code loyalty.notifications.v1}).
 * The CloudEvent ids derive from the domain event's id, so publishing again is recognised as the same fact.
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
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("couponCode", event.couponCode());
        parameters.put("rewardId", event.rewardId());
        if (event.expiresAt() != null) {
            parameters.put("expiresAt", event.expiresAt().toString());
        }
        NotificationRequested notification = new NotificationRequested("coupon:" + event.couponCode(),
                event.memberId(), event.chainId(), "COUPON_ISSUED", false, parameters, event.issuedAt());
        AfterCommit.run(() -> {
            publisher.publish(published, eventId, event.issuedAt()).whenComplete((sent, failure) -> {
                if (failure != null) {
                    LOG.error("CouponIssued for redemption {} not published", event.redemptionId(), failure);
                }
            });
            publisher.publish(notification, eventId + ":notification", event.issuedAt()).whenComplete((sent, failure) -> {
                if (failure != null) {
                    LOG.error("coupon notification for redemption {} not published", event.redemptionId(), failure);
                }
            });
        });
    }
}
