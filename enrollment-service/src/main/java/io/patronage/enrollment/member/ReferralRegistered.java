package io.patronage.enrollment.member;

import java.time.Instant;

/** The member enrolled with the referral code of {@code referrerMemberId}, a member of the same chain. */
public record ReferralRegistered(String memberId, String chainId, String referrerMemberId, Instant registeredAt) {
}
