package io.patronage.enrollment.member;

import java.time.Instant;

/**
 * A member joined a chain's program. Internal domain event: it carries personal data and never leaves
 * this service; other services learn of the member through the contracts' {@code MemberEnrolled}.
 */
public record MemberEnrolled(String memberId,
                             String chainId,
                             String cardNumber,
                             String referralCode,
                             PersonalData personalData,
                             Instant enrolledAt) {
}
