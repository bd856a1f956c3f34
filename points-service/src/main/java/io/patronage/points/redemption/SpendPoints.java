package io.patronage.points.redemption;

import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A till or an operator pays with the member's points: like {@link RedeemPoints}, answered once per
 * {@code requestId}, but when the program clamps over-balance redemptions ({@code overBalanceRedemption: CLAMP}) a
 * request above the available points redeems what is available. The handler returns the answer ({@link Spent}).
 */
public record SpendPoints(@TargetAggregateIdentifier String memberId, String requestId, long points, String reason,
                          Instant at) {

    public SpendPoints {
        Require.text(memberId, "memberId");
        Require.text(requestId, "requestId");
        Require.text(reason, "reason");
        if (points <= 0 || points > LedgerLimits.BALANCE) {
            throw new IllegalArgumentException("points must be between 1 and " + LedgerLimits.BALANCE + ": " + points);
        }
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }

    /** The request's answer, and whether it was answered before (then it is that earlier answer). */
    public record Spent(RedemptionAnswer answer, boolean repeated) {
    }
}
