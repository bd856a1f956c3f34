package io.patronage.points.referral;

import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordReferral(@TargetAggregateIdentifier String memberId, String referrerMemberId) {

    public RecordReferral {
        Require.text(memberId, "memberId");
        Require.text(referrerMemberId, "referrerMemberId");
    }
}
