package io.patronage.rewards.redemption;

import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationRecovery;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What redemptions tell other services, once stored: the debit request to points-service on
 * {@code loyalty.points-requests.v1}, the issued coupon on {@code loyalty.rewards.v1}, and a request to
 * tell the member ({@code COUPON_ISSUED} on {@code loyalty.notifications.v1}). The CloudEvent ids derive
 * from the domain event's id, so publishing again (after a crash, by the kit's publication recovery) is
 * recognised as the same fact.
 */
@Singleton
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
class RedemptionPublisher {

    private final EventPublisher publisher;

    RedemptionPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(RedemptionRequested event, @MessageIdentifier String eventId) {
        PointsDebitRequested request = new PointsDebitRequested(event.redemptionId(), event.memberId(),
                event.chainId(), event.points(), "reward:" + event.rewardId(), event.requestedAt());
        publisher.publishAfterCommit(request, eventId, event.requestedAt());
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
        publisher.publishAfterCommit(published, eventId, event.issuedAt());
        publisher.publishAfterCommit(notification, eventId + ":notification", event.issuedAt());
    }
}
