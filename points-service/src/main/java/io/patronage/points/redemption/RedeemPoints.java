package io.patronage.points.redemption;

import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Debits points for {@code requestId} from the points available at {@code at}, or rejects the request; a
 * request is answered once. The handler returns the earlier {@link AnsweredRequest} when the request was
 * already answered, {@code null} otherwise.
 *
 * @param points points as the request states them: whole, or with at most the decimals of the chain's points (the
 *               account refuses finer ones with an {@link IllegalArgumentException}, and no event)
 * @param reason what the points pay for, e.g. a reward redemption id
 */
public record RedeemPoints(@TargetAggregateIdentifier String memberId, String requestId, BigDecimal points,
                           String reason, Instant at) {

    public RedeemPoints {
        Require.text(memberId, "memberId");
        Require.text(requestId, "requestId");
        at = at == null ? Instant.now() : at;
        points = points == null ? BigDecimal.ZERO : points;
    }

    public RedeemPoints(String memberId, String requestId, long points, String reason, Instant at) {
        this(memberId, requestId, BigDecimal.valueOf(points), reason, at);
    }

    public RedeemPoints(String memberId, String requestId, long points, String reason) {
        this(memberId, requestId, points, reason, null);
    }
}
