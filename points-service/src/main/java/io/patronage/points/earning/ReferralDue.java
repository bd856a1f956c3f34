package io.patronage.points.earning;

import java.time.Instant;

/** What {@link EarnPoints} answers when the purchase owes the member's referrer a bonus. */
public record ReferralDue(String referrerMemberId, String refereeMemberId, String chainId, Instant occurredAt) {

    public AwardPoints award() {
        return new AwardPoints(referrerMemberId, chainId, "referral:" + refereeMemberId, "referrer", occurredAt);
    }
}
