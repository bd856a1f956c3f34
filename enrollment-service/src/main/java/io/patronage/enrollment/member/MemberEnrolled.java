package io.patronage.enrollment.member;

import io.patronage.enrollment.privacy.Sealed;

import java.time.Instant;

/**
 * A member joined a chain's program. Internal domain event; its personal data is sealed with the
 * member's key. Other services learn of the member through the contracts' {@code MemberEnrolled}.
 */
public record MemberEnrolled(String memberId,
                             String chainId,
                             String cardNumber,
                             String referralCode,
                             Sealed personalData,
                             Consents consents,
                             Instant enrolledAt) {
}
