package io.patronage.analytics.participation;

import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsLimits;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;

import java.util.Optional;
import java.util.function.Predicate;

/** What one consumed fact adds to its chain's participation. */
record Contribution(String chainId, ParticipationCounts delta) {

    /**
     * @param knownCard whether a {@code chainId:cardNumber} key is a member card
     * @return empty for a fact that counts nothing: a RETURN (neither a member nor a non-member
     *         transaction), zero points, or a payload this view does not use
     * @throws IllegalArgumentException for an event without a chain, with negative points or with points beyond
     *         the ledger's ceilings ({@link PointsLimits}), which the service kit then dead-letters
     */
    static Optional<Contribution> of(Object payload, Predicate<String> knownCard) {
        Contribution contribution = null;
        if (payload instanceof MemberEnrolled enrolled) {
            contribution = counted(enrolled.chainId(), new ParticipationCounts(1, 0, 0, 0, 0), payload);
        } else if (payload instanceof PosTransaction sale && sale.type() == TransactionType.PURCHASE) {
            boolean member = sale.hasCard() && knownCard.test(MemberCard.key(sale.chainId(), sale.cardNumber()));
            contribution = counted(sale.chainId(), member
                    ? new ParticipationCounts(0, 1, 0, 0, 0)
                    : new ParticipationCounts(0, 0, 1, 0, 0), payload);
        } else if (payload instanceof PointsEarned earned) {
            long points = points(earned.points(), PointsLimits.TRANSACTION, payload);
            contribution = counted(earned.chainId(), new ParticipationCounts(0, 0, 0, points, 0), payload);
        } else if (payload instanceof PointsAwarded awarded) {
            long points = points(awarded.points(), PointsLimits.TRANSACTION, payload);
            contribution = counted(awarded.chainId(), new ParticipationCounts(0, 0, 0, points, 0), payload);
        } else if (payload instanceof PointsRedeemed redeemed) {
            long points = points(redeemed.points(), PointsLimits.BALANCE, payload);
            contribution = counted(redeemed.chainId(), new ParticipationCounts(0, 0, 0, 0, points), payload);
        }
        return Optional.ofNullable(contribution).filter(c -> !c.delta().isZero());
    }

    private static Contribution counted(String chainId, ParticipationCounts delta, Object payload) {
        if (chainId == null || chainId.isBlank()) {
            throw new IllegalArgumentException(payload.getClass().getSimpleName() + " without a chainId");
        }
        return new Contribution(chainId, delta);
    }

    private static long points(long points, long ceiling, Object payload) {
        if (points < 0) {
            throw new IllegalArgumentException(payload.getClass().getSimpleName() + " with negative points: " + points);
        }
        if (points > ceiling) {
            throw new IllegalArgumentException(payload.getClass().getSimpleName() + " with " + points
                    + " points, beyond the ledger's ceiling of " + ceiling);
        }
        return points;
    }
}
