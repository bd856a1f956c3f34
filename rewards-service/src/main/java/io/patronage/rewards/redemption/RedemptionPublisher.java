package io.patronage.rewards.redemption;

import io.patronage.contracts.notifications.BirthdayOfferParameters;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PunchCardCompletedParameters;
import io.patronage.contracts.notifications.WinBackOfferParameters;
import io.patronage.contracts.points.PointsCreditRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.publication.IntegrationEventMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What redemptions tell other services, once stored: the debit request (and, for points debited without a coupon,
 * the credit request giving them back) to points-service on {@code loyalty.points-requests.v1}, the issued coupon on {@code loyalty.rewards.v1}, and a request to
 * tell the member ({@code COUPON_ISSUED} on {@code loyalty.notifications.v1}; {@code PUNCH_CARD_COMPLETED} for the coupon
 * of a completed punch card, {@code BIRTHDAY_OFFER} and {@code WIN_BACK_OFFER} for those offers' coupons); the kit's
 * {@link io.patronage.kit.publication.IntegrationEventPublisher} publishes them.
 */
@Singleton
class RedemptionPublisher implements IntegrationEventMapper {

    /** What the coupon of a chain's reward gives, {@code null} when the reward does not say. */
    private final BiFunction<String, String, CouponOffer> offers;

    @Inject
    RedemptionPublisher(CouponOffers offers) {
        this(offers::of);
    }

    RedemptionPublisher(BiFunction<String, String, CouponOffer> offers) {
        this.offers = offers;
    }

    @Override
    public List<Publication> map(Object domainEvent, String eventId, Instant storedAt) {
        if (domainEvent instanceof RedemptionRequested event) {
            return List.of(new Publication(new PointsDebitRequested(event.redemptionId(), event.memberId(),
                    event.chainId(), BigDecimal.valueOf(event.points()), "reward:" + event.rewardId(),
                    event.requestedAt()),
                    event.requestedAt()));
        } else if (domainEvent instanceof CouponIssued event) {
            return couponIssued(event);
        } else if (domainEvent instanceof CouponGranted event) {
            return couponGranted(event);
        } else if (domainEvent instanceof CouponUsed event) {
            return List.of(new Publication(new io.patronage.contracts.rewards.CouponUsed(event.couponCode(),
                    event.memberId(), event.chainId(), event.redemptionId(), event.rewardId(), event.transactionId(),
                    event.storeId(), event.usedAt()), storedAt));
        } else if (domainEvent instanceof CouponUseRejected event) {
            return List.of(new Publication(new io.patronage.contracts.rewards.CouponUseRejected(event.couponCode(),
                    event.memberId(), event.chainId(), event.redemptionId(), event.transactionId(), event.storeId(),
                    event.reason(), event.detail(), event.attemptedAt()), storedAt));
        } else if (domainEvent instanceof CouponReinstated event) {
            return List.of(new Publication(new io.patronage.contracts.rewards.CouponReinstated(event.couponCode(),
                    event.memberId(), event.chainId(), event.redemptionId(), event.returnTransactionId(),
                    event.reinstatedAt(), event.expiresAt()), storedAt));
        } else if (domainEvent instanceof CouponExpired event) {
            return List.of(new Publication(new io.patronage.contracts.rewards.CouponExpired(event.couponCode(),
                    event.memberId(), event.chainId(), event.redemptionId(), event.rewardId(), event.expiredAt()),
                    event.expiredAt()));
        } else if (domainEvent instanceof PointsRefundRequested event) {
            return List.of(new Publication(new PointsCreditRequested(event.creditRequestId(), event.memberId(),
                    event.chainId(), event.points(), "refund:" + event.redemptionId(), event.requestedAt()),
                    event.requestedAt()));
        }
        return List.of();
    }

    /**
     * An automatic reward's coupon: published like a redeemed one (0 points), with the occasion's notification
     * ({@code PUNCH_CARD_COMPLETED} for a punch card, {@code BIRTHDAY_OFFER} and {@code WIN_BACK_OFFER} for those
     * offers — marketing, so sent only to members who consented to it — else {@code COUPON_ISSUED}).
     */
    private List<Publication> couponGranted(CouponGranted event) {
        CouponOffer offer = offers.apply(event.chainId(), event.rewardId());
        io.patronage.contracts.rewards.CouponIssued published = new io.patronage.contracts.rewards.CouponIssued(
                event.couponCode(), event.memberId(), event.chainId(), event.redemptionId(), event.rewardId(), 0,
                event.issuedAt(), event.expiresAt());
        NotificationParameters parameters = switch (event.occasion() == null ? "" : event.occasion()) {
            case CouponGranted.PUNCH_CARD -> new PunchCardCompletedParameters(event.couponCode(), event.rewardId(),
                    event.policyId(), event.visits(), event.expiresAt(), offer);
            case CouponGranted.BIRTHDAY_OFFER -> new BirthdayOfferParameters(event.couponCode(), event.rewardId(),
                    event.expiresAt(), offer);
            case CouponGranted.WIN_BACK_OFFER -> new WinBackOfferParameters(event.couponCode(), event.rewardId(),
                    event.expiresAt(), offer);
            default -> new CouponIssuedParameters(event.couponCode(), event.rewardId(), event.expiresAt(), offer);
        };
        boolean marketing = parameters instanceof BirthdayOfferParameters
                || parameters instanceof WinBackOfferParameters;
        NotificationRequested notification = NotificationRequested.of("coupon:" + event.couponCode(),
                event.memberId(), event.chainId(), marketing, parameters, event.issuedAt());
        return List.of(new Publication(published, event.issuedAt()), new Publication(notification, event.issuedAt()));
    }

    private List<Publication> couponIssued(CouponIssued event) {
        io.patronage.contracts.rewards.CouponIssued published = new io.patronage.contracts.rewards.CouponIssued(
                event.couponCode(), event.memberId(), event.chainId(), event.redemptionId(), event.rewardId(),
                event.points(), event.issuedAt(), event.expiresAt());
        NotificationRequested notification = NotificationRequested.of("coupon:" + event.couponCode(),
                event.memberId(), event.chainId(), false,
                new CouponIssuedParameters(event.couponCode(), event.rewardId(), event.expiresAt(),
                        offers.apply(event.chainId(), event.rewardId())), event.issuedAt());
        return List.of(new Publication(published, event.issuedAt()), new Publication(notification, event.issuedAt()));
    }
}
