package io.patronage.enrollment.member;

import io.patronage.enrollment.identifiers.CardNumberGenerator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of one chain's program, event sourced. Its state holds only what its decisions need:
 * status, card number and consents. Personal data arrives sealed and stays in the events, so neither
 * the aggregate cache nor a snapshot ever holds it.
 */
public class Member {

    @AggregateIdentifier
    private String memberId;
    private String chainId;
    private String cardNumber;
    private Consents consents;
    private MemberStatus status;

    protected Member() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Member(EnrollMember command) {
        requireCardNumber(command.cardNumber());
        if (command.memberId().equals(command.referrerMemberId())) {
            throw new MemberStateException("a member cannot refer themselves");
        }
        apply(new MemberEnrolled(command.memberId(), command.chainId(), command.cardNumber(), command.referralCode(),
                command.personalData(), command.consents(), command.enrolledAt()));
        if (command.referrerMemberId() != null) {
            apply(new ReferralRegistered(command.memberId(), command.chainId(), command.referrerMemberId(),
                    command.enrolledAt()));
        }
    }

    @CommandHandler
    void handle(ChangeContactDetails command) {
        requireActive("change contact details");
        apply(new ContactDetailsChanged(memberId, chainId, command.contact(), command.changedAt()));
    }

    @CommandHandler
    void handle(ChangeConsents command) {
        requireActive("change consents");
        Consents changed = consents.change(command.marketingEmail(), command.marketingSms(), command.changedAt());
        if (!changed.equals(consents)) {
            apply(new ConsentsChanged(memberId, chainId, changed));
        }
    }

    @CommandHandler
    void handle(ReplaceCard command) {
        requireActive("replace the card");
        requireCardNumber(command.newCardNumber());
        if (command.newCardNumber().equals(cardNumber)) {
            throw new IllegalArgumentException("the new card number is the current one");
        }
        apply(new CardReplaced(memberId, chainId, cardNumber, command.newCardNumber(), command.replacedAt()));
    }

    /** Opting out twice changes nothing. */
    @CommandHandler
    void handle(OptOut command) {
        if (status == MemberStatus.ERASED) {
            throw new MemberStateException("member " + memberId + " is erased");
        }
        if (status == MemberStatus.ACTIVE) {
            apply(new MemberOptedOut(memberId, chainId, command.optedOutAt()));
        }
    }

    /** Erasing twice changes nothing, so a retried erasure request is harmless. */
    @CommandHandler
    void handle(EraseMember command) {
        if (status != MemberStatus.ERASED) {
            apply(new MemberErased(memberId, chainId, command.erasedAt()));
        }
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        memberId = event.memberId();
        chainId = event.chainId();
        cardNumber = event.cardNumber();
        consents = event.consents();
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ConsentsChanged event) {
        consents = event.consents();
    }

    @EventSourcingHandler
    void on(CardReplaced event) {
        cardNumber = event.newCardNumber();
    }

    @EventSourcingHandler
    void on(MemberOptedOut event) {
        status = MemberStatus.OPTED_OUT;
    }

    @EventSourcingHandler
    void on(MemberErased event) {
        status = MemberStatus.ERASED;
    }

    private void requireActive(String action) {
        if (status != MemberStatus.ACTIVE) {
            throw new MemberStateException("cannot " + action + ": member " + memberId + " is " + status);
        }
    }

    private static void requireCardNumber(String number) {
        if (!CardNumberGenerator.isCardNumber(number)) {
            throw new IllegalArgumentException("not a valid card number: " + number);
        }
    }
}
