package io.patronage.enrollment.selfservice;

import io.patronage.enrollment.enrolling.ContactFields;
import io.patronage.enrollment.identifiers.CardRegistry;
import io.patronage.enrollment.identifiers.EmailRegistry;
import io.patronage.enrollment.member.ChangeConsents;
import io.patronage.enrollment.member.ChangeContactDetails;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.EraseMember;
import io.patronage.enrollment.member.MemberCommands;
import io.patronage.enrollment.member.MemberStateException;
import io.patronage.enrollment.member.MemberStatus;
import io.patronage.enrollment.member.OptOut;
import io.patronage.enrollment.member.ReplaceCard;
import io.patronage.enrollment.notifying.Mailer;
import io.patronage.enrollment.privacy.MemberKeys;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.enrollment.profile.MemberProfile;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.enrollment.refusal.EmailTakenException;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import io.patronage.enrollment.refusal.MemberNotFoundException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What members do about their own membership: contact details, consents, a lost card, leaving, erasure. */
@Singleton
class SelfService {

    private final MemberProfiles profiles;
    private final MemberCommands commands;
    private final EmailRegistry emails;
    private final CardRegistry cards;
    private final MemberKeys keys;
    private final PersonalDataVault vault;
    private final Mailer mailer;
    private final Clock clock;

    SelfService(MemberProfiles profiles, MemberCommands commands, EmailRegistry emails, CardRegistry cards,
                MemberKeys keys, PersonalDataVault vault, Mailer mailer, Clock clock) {
        this.profiles = profiles;
        this.commands = commands;
        this.emails = emails;
        this.cards = cards;
        this.keys = keys;
        this.vault = vault;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Claims a new email address before recording it and releases the old one after; the claim follows the outcome. */
    MemberProfile changeContact(String memberId, ContactRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ContactDetails contact = new ContactDetails(ContactFields.email(request.email(), errors),
                ContactFields.phone(request.phone(), errors), ContactFields.address(request.address(), errors));
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("the contact details have invalid fields: " + FieldError.fields(errors), errors);
        }
        MemberProfile member = activeMember(memberId);
        boolean newEmail = !EmailRegistry.normalize(contact.email()).equals(EmailRegistry.normalize(member.email()));
        if (newEmail && !emails.claim(member.chainId(), contact.email(), memberId, profiles::isLiveMember)) {
            throw new EmailTakenException("another member of chain " + member.chainId() + " uses this email address");
        }
        try {
            commands.send(new ChangeContactDetails(memberId, vault.seal(memberId, contact), now()), memberId);
        } catch (RuntimeException e) {
            if (newEmail) {
                emails.release(member.chainId(), contact.email(), memberId);
            }
            throw e;
        }
        if (newEmail) {
            emails.release(member.chainId(), member.email(), memberId);
        }
        return profile(memberId);
    }

    MemberProfile changeConsents(String memberId, ConsentsRequest request) {
        MemberProfile member = activeMember(memberId);
        boolean email = request.marketingEmail() == null ? member.consents().marketingEmail() : request.marketingEmail();
        boolean sms = request.marketingSms() == null ? member.consents().marketingSms() : request.marketingSms();
        commands.send(new ChangeConsents(memberId, email, sms, now()), memberId);
        return profile(memberId);
    }

    /** The new card is claimed first; the old one is retired once the replacement is recorded, so it never resolves again. */
    MemberProfile replaceCard(String memberId) {
        MemberProfile member = activeMember(memberId);
        String newCard = cards.issue(memberId, member.chainId());
        try {
            commands.send(new ReplaceCard(memberId, newCard, now()), memberId);
        } catch (RuntimeException e) {
            cards.retire(newCard, memberId);
            throw e;
        }
        cards.retire(member.cardNumber(), memberId);
        return profile(memberId);
    }

    MemberProfile optOut(String memberId) {
        profile(memberId);
        commands.send(new OptOut(memberId, now()), memberId);
        return profile(memberId);
    }

    /**
     * Records the erasure, then destroys the member's key, frees the email address, retires the card and deletes
     * the member's mailbox files. Every step is idempotent and none needs the personal data the first step
     * blanks (the address claim and the mailbox are found by member id), so a retried or repeated erasure
     * finishes what an interrupted one began.
     */
    void erase(String memberId) {
        MemberProfile member = profile(memberId);
        commands.send(new EraseMember(memberId, now()), memberId);
        keys.destroy(memberId, now());
        emails.releaseAllOf(memberId);
        cards.retire(member.cardNumber(), memberId);
        mailer.deleteMessagesOf(memberId, member.email());
    }

    private MemberProfile activeMember(String memberId) {
        MemberProfile member = profile(memberId);
        if (member.status() != MemberStatus.ACTIVE) {
            throw new MemberStateException("member " + memberId + " is " + member.status() + ": only active members can change their membership");
        }
        return member;
    }

    private MemberProfile profile(String memberId) {
        return profiles.find(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
