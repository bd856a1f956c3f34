package io.patronage.enrollment.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Enroll a member whose card number and referral code have already been claimed for them, so that
 * handling the command decides nothing that needs a lookup.
 */
public record EnrollMember(@TargetAggregateIdentifier String memberId,
                           String chainId,
                           String cardNumber,
                           String referralCode,
                           PersonalData personalData,
                           Instant enrolledAt) {
}
