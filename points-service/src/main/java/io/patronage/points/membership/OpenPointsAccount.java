package io.patronage.points.membership;

import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.MonthDay;

/** Opens a member's points account; opening one that is already open changes nothing. */
public record OpenPointsAccount(@TargetAggregateIdentifier String memberId,
                                String chainId,
                                String cardNumber,
                                MonthDay birthday,
                                Instant enrolledAt) {

    public OpenPointsAccount {
        Require.text(memberId, "memberId");
        Require.text(chainId, "chainId");
    }

    public static OpenPointsAccount from(MemberEnrolled enrolled) {
        return new OpenPointsAccount(enrolled.memberId(), enrolled.chainId(), enrolled.cardNumber(),
                enrolled.birthday(), enrolled.enrolledAt());
    }
}
