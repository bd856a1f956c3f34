package io.patronage.enrollment.member;

import io.patronage.enrollment.privacy.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Enroll a member whose card number, referral code and email have already been claimed for them and
 * whose personal data is already sealed, so that handling the command needs no lookup and never sees PII.
 *
 * @param referrerMemberId the member whose referral code was given, or {@code null}
 */
public record EnrollMember(@TargetAggregateIdentifier String memberId,
                           String chainId,
                           String cardNumber,
                           String referralCode,
                           Sealed personalData,
                           Consents consents,
                           String referrerMemberId,
                           Instant enrolledAt) {
}
