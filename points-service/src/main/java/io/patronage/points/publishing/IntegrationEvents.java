package io.patronage.points.publishing;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PointsExpiringParameters;
import io.patronage.contracts.notifications.TierChangedParameters;
import io.patronage.contracts.points.ExpiryChange;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.RuleContribution;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.tiers.TierChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the account's domain events to the published language; nothing else of the aggregate leaves the service. The
 * events count units of the chain's points; the published language counts points, with the chain's decimals.
 */
final class IntegrationEvents {

    static final String UNKNOWN_MEMBER = "UNKNOWN_MEMBER";

    private IntegrationEvents() {
    }

    /**
     * What an event changed in the member's expiring points, per expiry instant (earliest first): the credited lot's
     * points at its expiry, minus what the debits took from lots that expire. Lots that never expire are not in it.
     */
    static List<ExpiryChange> expiryChanges(Lot credited, List<LotDebit> debits, PointsUnit unit) {
        Map<Instant, Long> changes = new TreeMap<>();
        if (credited != null && credited.expiresAt() != null) {
            changes.merge(credited.expiresAt(), credited.points(), LedgerLimits::add);
        }
        for (LotDebit debit : debits == null ? List.<LotDebit>of() : debits) {
            if (debit.expiresAt() != null) {
                changes.merge(debit.expiresAt(), -debit.points(), LedgerLimits::add);
            }
        }
        return changes.entrySet().stream().filter(change -> change.getValue() != 0)
                .map(change -> new ExpiryChange(change.getKey(), unit.points(change.getValue()))).toList();
    }

    static io.patronage.contracts.points.PointsEarned earned(PointsEarned event, PointsUnit unit) {
        return new io.patronage.contracts.points.PointsEarned(event.memberId(), event.chainId(),
                event.transactionId(), event.storeId(), event.currency(), event.amount(), unit.points(event.points()),
                event.ruleVersion(),
                event.breakdown().stream().map(c -> new RuleContribution(c.rule(), unit.points(c.points()))).toList(),
                unit.points(event.balanceAfter()), event.occurredAt().toInstant(),
                expiryChanges(event.lot(), List.of(), unit));
    }

    static io.patronage.contracts.points.PointsAwarded awarded(PointsAwarded event, PointsUnit unit) {
        return new io.patronage.contracts.points.PointsAwarded(event.memberId(), event.chainId(), event.awardId(),
                event.rule(), event.ruleVersion(), unit.points(event.points()), unit.points(event.balanceAfter()),
                event.awardedAt(), expiryChanges(event.lot(), List.of(), unit));
    }

    static io.patronage.contracts.points.PointsReversed reversed(PointsReversed event, PointsUnit unit) {
        return new io.patronage.contracts.points.PointsReversed(event.memberId(), event.chainId(),
                event.transactionId(), event.originalTransactionId(), event.currency(), event.returnedAmount(),
                unit.points(event.points()), unit.points(event.shortfall()), unit.points(event.balanceAfter()),
                event.occurredAt().toInstant(), expiryChanges(null, event.debits(), unit));
    }

    static io.patronage.contracts.points.PointsAdjusted adjusted(PointsAdjusted event, PointsUnit unit) {
        return new io.patronage.contracts.points.PointsAdjusted(event.memberId(), event.chainId(),
                event.adjustmentId(), unit.points(event.points()), event.reason(), event.actor(),
                unit.points(event.balanceAfter()), event.adjustedAt(),
                expiryChanges(event.lot(), event.debits(), unit));
    }

    static io.patronage.contracts.points.PointsExpired expired(PointsExpired event, PointsUnit unit) {
        return new io.patronage.contracts.points.PointsExpired(event.memberId(), event.chainId(),
                unit.points(event.points()), unit.points(event.balanceAfter()), event.expiredAt(),
                expiryChanges(null, event.debits(), unit));
    }

    static io.patronage.contracts.points.TierChanged tierChanged(TierChanged event) {
        return new io.patronage.contracts.points.TierChanged(event.memberId(), event.chainId(), event.fromTier(),
                event.toTier(), event.reason(), event.changedAt());
    }

    /** Transactional (no marketing consent needed): it is about points the member holds. */
    static NotificationRequested expiring(ExpiryAnnounced event, PointsUnit unit) {
        return NotificationRequested.of(event.noticeId(), event.memberId(), event.chainId(), false,
                new PointsExpiringParameters(unit.points(event.points()), event.expiresAt()),
                event.announcedAt());
    }

    static NotificationRequested tierNotification(TierChanged event, String eventId) {
        return NotificationRequested.of("tier:" + eventId, event.memberId(), event.chainId(), false,
                new TierChangedParameters(event.fromTier(), event.toTier(), event.reason()), event.changedAt());
    }

    static IntegrationEvent answer(RedemptionAnswer answer, Instant at, PointsUnit unit) {
        if (answer instanceof PointsRedeemed redeemed) {
            return new io.patronage.contracts.points.PointsRedeemed(redeemed.requestId(), redeemed.memberId(),
                    redeemed.chainId(), unit.points(redeemed.points()), unit.points(redeemed.balanceAfter()), at,
                    expiryChanges(null, redeemed.debits(), unit));
        }
        PointsRedemptionRejected rejected = (PointsRedemptionRejected) answer;
        BigDecimal points = unit.points(rejected.points());
        String detail = switch (rejected.reason()) {
            case INSUFFICIENT_POINTS -> points.toPlainString() + " points requested, the balance is "
                    + unit.points(rejected.balance()).toPlainString();
            case INVALID_POINTS -> "the points to debit must be positive, got " + points.toPlainString();
            case ACCOUNT_FROZEN -> "the member's points account is frozen: its log holds an event beyond the"
                    + " ledger's limits";
        };
        return new io.patronage.contracts.points.PointsRedemptionRejected(rejected.requestId(), rejected.memberId(),
                rejected.chainId(), points, unit.points(rejected.balance()), rejected.reason().name(), detail, at);
    }

    /** A request answered without an account event: its member has no account, or it could not be read. */
    static io.patronage.contracts.points.PointsRedemptionRejected rejected(PointsDebitRequested request, String reason,
                                                                           String detail, Instant at) {
        return new io.patronage.contracts.points.PointsRedemptionRejected(request.requestId(), request.memberId(),
                request.chainId(), request.points(), BigDecimal.ZERO, reason, detail, at);
    }
}
