package io.patronage.points.publishing;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.RuleContribution;
import io.patronage.points.account.PointsEarned;
import io.patronage.points.account.PointsRedeemed;
import io.patronage.points.account.PointsRedemptionRejected;
import io.patronage.points.account.RedemptionAnswer;

import java.time.Instant;

/** Maps the account's domain events to the published language; nothing else of the aggregate leaves the service. */
final class IntegrationEvents {

    static final String UNKNOWN_MEMBER = "UNKNOWN_MEMBER";

    private IntegrationEvents() {
    }

    static io.patronage.contracts.points.PointsEarned earned(PointsEarned event) {
        return new io.patronage.contracts.points.PointsEarned(event.memberId(), event.chainId(),
                event.transactionId(), event.storeId(), event.currency(), event.amount(), event.points(),
                event.ruleVersion(),
                event.breakdown().stream().map(c -> new RuleContribution(c.rule(), c.points())).toList(),
                event.balanceAfter(), event.occurredAt().toInstant());
    }

    static IntegrationEvent answer(RedemptionAnswer answer, Instant at) {
        if (answer instanceof PointsRedeemed redeemed) {
            return new io.patronage.contracts.points.PointsRedeemed(redeemed.requestId(), redeemed.memberId(),
                    redeemed.chainId(), redeemed.points(), redeemed.balanceAfter(), at);
        }
        PointsRedemptionRejected rejected = (PointsRedemptionRejected) answer;
        String detail = switch (rejected.reason()) {
            case INSUFFICIENT_POINTS -> rejected.points() + " points requested, the balance is " + rejected.balance();
            case INVALID_POINTS -> "the points to debit must be positive, got " + rejected.points();
        };
        return new io.patronage.contracts.points.PointsRedemptionRejected(rejected.requestId(), rejected.memberId(),
                rejected.chainId(), rejected.points(), rejected.balance(), rejected.reason().name(), detail, at);
    }

    static io.patronage.contracts.points.PointsRedemptionRejected unknownMember(PointsDebitRequested request,
                                                                                Instant at) {
        return new io.patronage.contracts.points.PointsRedemptionRejected(request.requestId(), request.memberId(),
                request.chainId(), request.points(), 0, UNKNOWN_MEMBER,
                "no points account for member " + request.memberId(), at);
    }
}
