package io.patronage.points.publishing;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.IntegrationEventMapper;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the account's events announce on {@code loyalty.points.v1} and {@code loyalty.notifications.v1} (published by
 * the kit's {@link io.patronage.kit.publication.IntegrationEventPublisher}), and the answers to debit requests that
 * no new event stores.
 */
@Singleton
public class PointsEventPublisher implements IntegrationEventMapper {

    private final EventPublisher kafka;

    PointsEventPublisher(EventPublisher kafka) {
        this.kafka = kafka;
    }

    @Override
    public List<Publication> map(Object event, String eventId, Instant at) {
        if (event instanceof PointsEarned earned) {
            return earned.points() > 0 ? List.of(new Publication(IntegrationEvents.earned(earned), at)) : List.of();
        } else if (event instanceof PointsAwarded awarded) {
            return List.of(new Publication(IntegrationEvents.awarded(awarded), at));
        } else if (event instanceof PointsReversed reversed) {
            return List.of(new Publication(IntegrationEvents.reversed(reversed), at));
        } else if (event instanceof PointsAdjusted adjusted) {
            return List.of(new Publication(IntegrationEvents.adjusted(adjusted), at));
        } else if (event instanceof PointsExpired expired) {
            return List.of(new Publication(IntegrationEvents.expired(expired), at));
        } else if (event instanceof ExpiryAnnounced announced) {
            return List.of(new Publication(IntegrationEvents.expiring(announced), at));
        } else if (event instanceof TierChanged changed) {
            return List.of(new Publication(IntegrationEvents.tierChanged(changed), at),
                    new Publication(IntegrationEvents.tierNotification(changed, eventId), at));
        } else if (event instanceof RedemptionAnswer answer) {
            return List.of(new Publication(IntegrationEvents.answer(answer, at), at));
        }
        return List.of();
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
