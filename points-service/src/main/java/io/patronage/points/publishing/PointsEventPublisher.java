package io.patronage.points.publishing;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.IntegrationEventMapper;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.redemption.RejectionReason;
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
    private final ProgramCatalog programs;

    PointsEventPublisher(EventPublisher kafka, ProgramCatalog programs) {
        this.kafka = kafka;
        this.programs = programs;
    }

    @Override
    public List<Publication> map(Object event, String eventId, Instant at) {
        if (event instanceof PointsEarned earned) {
            return earned.points() > 0
                    ? List.of(new Publication(IntegrationEvents.earned(earned, unit(earned.chainId())), at))
                    : List.of();
        } else if (event instanceof PointsAwarded awarded) {
            return List.of(new Publication(IntegrationEvents.awarded(awarded, unit(awarded.chainId())), at));
        } else if (event instanceof PointsReversed reversed) {
            return List.of(new Publication(IntegrationEvents.reversed(reversed, unit(reversed.chainId())), at));
        } else if (event instanceof PointsAdjusted adjusted) {
            return List.of(new Publication(IntegrationEvents.adjusted(adjusted, unit(adjusted.chainId())), at));
        } else if (event instanceof PointsExpired expired) {
            return List.of(new Publication(IntegrationEvents.expired(expired, unit(expired.chainId())), at));
        } else if (event instanceof ExpiryAnnounced announced) {
            return List.of(new Publication(IntegrationEvents.expiring(announced, unit(announced.chainId())), at));
        } else if (event instanceof TierChanged changed) {
            return List.of(new Publication(IntegrationEvents.tierChanged(changed), at),
                    new Publication(IntegrationEvents.tierNotification(changed, eventId), at));
        } else if (event instanceof RedemptionAnswer answer) {
            return List.of(new Publication(IntegrationEvents.answer(answer, at, unit(answer.chainId())), at));
        }
        return List.of();
    }

    /** Answers a repeated request with the very answer it got, same {@code ce_id}. */
    public void republish(AnsweredRequest earlier) {
        kafka.publish(IntegrationEvents.answer(earlier.answer(), earlier.answeredAt(),
                unit(earlier.answer().chainId())), earlier.eventId(), earlier.answeredAt());
    }

    private PointsUnit unit(String chainId) {
        return programs.unit(chainId);
    }

    /** A request for a member without an account; its id is derived from the request, so a repeat has the same. */
    public void rejectUnknownMember(PointsDebitRequested request, Instant at) {
        kafka.publish(IntegrationEvents.rejected(request, IntegrationEvents.UNKNOWN_MEMBER,
                "no points account for member " + request.memberId(), at), derivedId("unknown-member", request), at);
    }

    /** A request whose points the account refused to read (finer than the chain's); a repeat has the same id. */
    public void rejectInvalidPoints(PointsDebitRequested request, String detail, Instant at) {
        kafka.publish(IntegrationEvents.rejected(request, RejectionReason.INVALID_POINTS.name(), detail, at),
                derivedId("invalid-points", request), at);
    }

    private static String derivedId(String kind, PointsDebitRequested request) {
        return UUID.nameUUIDFromBytes((kind + ":" + request.memberId() + ":" + request.requestId())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
