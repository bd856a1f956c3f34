package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.identifiers.CardRegistry;
import io.patronage.enrollment.identifiers.ClaimRegistry;
import io.patronage.enrollment.identifiers.EmailRegistry;
import io.patronage.enrollment.identifiers.ReferralCodeRegistry;
import io.patronage.enrollment.member.Consents;
import io.patronage.enrollment.member.EnrollMember;
import io.patronage.enrollment.member.MemberCommands;
import io.patronage.enrollment.member.MemberStatus;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.privacy.MemberKeys;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.enrollment.profile.MemberProfile;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.enrollment.refusal.EmailTakenException;
import io.patronage.enrollment.refusal.InvalidReferralException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Enrolls a member: checks the referral, claims the email within the chain, creates the member's key,
 * claims a card number and a referral code, seals the personal data, then lets the Member aggregate
 * record the enrollment. If anything fails after the email claim, the claim is released; if the process dies
 * meanwhile, {@link UnfinishedEnrollments} releases it when the service starts again.
 */
@Singleton
class Enrollments {

    private static final Logger LOG = LoggerFactory.getLogger(Enrollments.class);

    private final CardRegistry cards;
    private final ReferralCodeRegistry referralCodes;
    private final EmailRegistry emails;
    private final MemberKeys keys;
    private final PersonalDataVault vault;
    private final MemberProfiles profiles;
    private final MemberCommands commands;
    private final Clock clock;

    Enrollments(CardRegistry cards, ReferralCodeRegistry referralCodes, EmailRegistry emails, MemberKeys keys,
                PersonalDataVault vault, MemberProfiles profiles, MemberCommands commands, Clock clock) {
        this.cards = cards;
        this.referralCodes = referralCodes;
        this.emails = emails;
        this.keys = keys;
        this.vault = vault;
        this.profiles = profiles;
        this.commands = commands;
        this.clock = clock;
    }

    EnrollmentResponse enroll(Enrollment enrollment) {
        String memberId = UUID.randomUUID().toString();
        String chainId = enrollment.chain().chainId();
        PersonalData person = enrollment.personalData();
        String referrer = enrollment.referralCode() == null ? null : referrer(enrollment.referralCode(), chainId, person);
        String email = person.contact().email();
        EnrollmentResponse response;
        if (!emails.claimForEnrollment(chainId, email, memberId, profiles::isLiveMember)) {
            throw new EmailTakenException("a member of chain " + chainId + " already enrolled with this email address");
        }
        try {
            // Millisecond precision: what BSON dates hold, so the profile shows the instant the event records.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            keys.create(memberId, now);
            String cardNumber = cards.issue(memberId, chainId);
            String referralCode = referralCodes.issue(memberId, chainId);
            Consents consents = new Consents(enrollment.marketingEmail(), now, enrollment.marketingSms(), now,
                    enrollment.termsAccepted() ? now : null);
            commands.send(new EnrollMember(memberId, chainId, cardNumber, referralCode, vault.seal(memberId, person),
                    consents, referrer, now), memberId);
            response = new EnrollmentResponse(memberId, cardNumber);
        } catch (RuntimeException e) {
            emails.abandonEnrollment(chainId, email, memberId);
            throw e;
        }
        try {
            emails.confirmEnrollment(memberId);
        } catch (RuntimeException e) {
            // The member is enrolled; the next start finds the pending note and keeps the claim.
            LOG.warn("Could not confirm the email claim of enrolled member {}: {}", memberId, e.toString());
        }
        return response;
    }

    /** The member whose code was given: of the same chain, still in the program, and not the enrolling person. */
    private String referrer(String code, String chainId, PersonalData person) {
        ClaimRegistry.Claim claim = referralCodes.find(code).filter(c -> c.chainId().equals(chainId))
                .orElseThrow(() -> new InvalidReferralException("is not a referral code of this program"));
        MemberProfile referrer = profiles.find(claim.memberId())
                .orElseThrow(() -> new InvalidReferralException("is not a referral code of this program"));
        if (referrer.status() != MemberStatus.ACTIVE) {
            throw new InvalidReferralException("belongs to a member who is no longer in the program");
        }
        boolean sameEmail = referrer.email() != null
                && EmailRegistry.normalize(referrer.email()).equals(EmailRegistry.normalize(person.contact().email()));
        boolean samePhone = referrer.phone() != null && Objects.equals(referrer.phone(), person.contact().phone());
        if (sameEmail || samePhone) {
            throw new InvalidReferralException("is your own referral code: members cannot refer themselves");
        }
        return claim.memberId();
    }
}
