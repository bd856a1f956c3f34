package io.patronage.points.publishing;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.tiers.TierChanged;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes the account's events on {@code loyalty.points.v1}, with the domain event's id as {@code ce_id}
 * so that a re-publication is recognised downstream.
 * <p>
 * Runs in a subscribing processor, i.e. in the command's unit of work during prepare-commit, after the
 * event store appended the events (Axon 4.12 {@code AbstractEventStore.prepareCommit} stores, then hands
 * the events to the processors). Publication waits for the root unit of work to commit, so nothing is
 * announced that a rollback takes back. Being in the kit's {@code publication} processing group, it is run
 * again over the events stored since the last publication checkpoint at startup and after a failed send,
 * so a crash between storing and publishing loses nothing.
 */
@Singleton
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
public class PointsEventPublisher {

    private final EventPublisher kafka;

    PointsEventPublisher(EventPublisher kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    void on(PointsEarned event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event.points() > 0) {
            kafka.publishAfterCommit(IntegrationEvents.earned(event), eventId, at);
        }
    }

    @EventHandler
    void on(PointsAwarded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.awarded(event), eventId, at);
    }

    @EventHandler
    void on(PointsReversed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.reversed(event), eventId, at);
    }

    @EventHandler
    void on(PointsAdjusted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.adjusted(event), eventId, at);
    }

    @EventHandler
    void on(PointsExpired event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.expired(event), eventId, at);
    }

    @EventHandler
    void on(ExpiryAnnounced event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.expiring(event), eventId, at);
    }

    /** The change and the member's notification; the notification's {@code ce_id} is derived from the event's. */
    @EventHandler
    void on(TierChanged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.tierChanged(event), eventId, at);
        kafka.publishAfterCommit(IntegrationEvents.tierNotification(event, eventId), "notification:" + eventId, at);
    }

    @EventHandler
    void on(RedemptionAnswer answer, @MessageIdentifier String eventId, @Timestamp Instant at) {
        kafka.publishAfterCommit(IntegrationEvents.answer(answer, at), eventId, at);
    }

    /** Answers a repeated request with the very answer it got, same {@code ce_id}. */
    public void republish(AnsweredRequest earlier) {
        kafka.publish(IntegrationEvents.answer(earlier.answer(), earlier.answeredAt()), earlier.eventId(),
                earlier.answeredAt());
    }

    /** A request for a member without an account; its id is derived from the request, so a repeat has the same. */
    public void rejectUnknownMember(PointsDebitRequested request, Instant at) {
        String eventId = UUID.nameUUIDFromBytes(("unknown-member:" + request.memberId() + ":" + request.requestId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        kafka.publish(IntegrationEvents.unknownMember(request, at), eventId, at);
    }
}
