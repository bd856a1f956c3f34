package io.patronage.enrollment.member;

import io.patronage.enrollment.identifiers.CardNumberGenerator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of one chain's program, event sourced. Its state holds only what its decisions need (so far
 * none beyond its identity). Personal data stays in the events, never in this state, so that neither
 * the aggregate cache nor a snapshot ever holds it unencrypted.
 */
public class Member {

    @AggregateIdentifier
    private String memberId;

    protected Member() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Member(EnrollMember command) {
        if (!CardNumberGenerator.isCardNumber(command.cardNumber())) {
            throw new IllegalArgumentException("not a valid card number: " + command.cardNumber());
        }
        apply(new MemberEnrolled(command.memberId(), command.chainId(), command.cardNumber(),
                command.referralCode(), command.personalData(), command.enrolledAt()));
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        this.memberId = event.memberId();
    }
}
