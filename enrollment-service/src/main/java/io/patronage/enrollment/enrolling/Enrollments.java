package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.identifiers.CardRegistry;
import io.patronage.enrollment.identifiers.ReferralCodeRegistry;
import io.patronage.enrollment.member.EnrollMember;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Enrolls a member: gives them an id, claims a card number and a referral code for them, then lets the
 * Member aggregate record the enrollment.
 */
@Singleton
class Enrollments {

    private final CardRegistry cards;
    private final ReferralCodeRegistry referralCodes;
    private final CommandGateway commands;
    private final Clock clock;

    Enrollments(CardRegistry cards, ReferralCodeRegistry referralCodes, CommandGateway commands, Clock clock) {
        this.cards = cards;
        this.referralCodes = referralCodes;
        this.commands = commands;
        this.clock = clock;
    }

    EnrollmentResponse enroll(Enrollment enrollment) {
        String memberId = UUID.randomUUID().toString();
        String cardNumber = cards.issue(memberId, enrollment.chainId());
        String referralCode = referralCodes.issue(memberId, enrollment.chainId());
        // Millisecond precision: what BSON dates hold, so the profile shows the instant the event records.
        commands.sendAndWait(new EnrollMember(memberId, enrollment.chainId(), cardNumber, referralCode,
                enrollment.personalData(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return new EnrollmentResponse(memberId, cardNumber);
    }
}
