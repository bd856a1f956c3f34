package io.patronage.points.returns;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes back the points of the part of a purchase a RETURN refunds; a return counts once. A return without
 * {@code originalTransactionId} is matched to the member's purchases of the same SKUs ({@link Reversals#match}).
 */
public record ReturnPurchase(@TargetAggregateIdentifier String memberId, PosTransaction transaction) {

    public ReturnPurchase {
        Require.text(memberId, "memberId");
        if (transaction == null || transaction.type() != TransactionType.RETURN) {
            throw new IllegalArgumentException("only a RETURN reverses points");
        }
    }
}
