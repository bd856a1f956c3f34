package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Earns the member's points on a purchase; a purchase already earned on changes nothing. */
public record EarnPoints(@TargetAggregateIdentifier String memberId, PosTransaction transaction) {

    public EarnPoints {
        Require.text(memberId, "memberId");
        if (transaction == null || transaction.type() != TransactionType.PURCHASE) {
            throw new IllegalArgumentException("only a PURCHASE earns points");
        }
    }
}
