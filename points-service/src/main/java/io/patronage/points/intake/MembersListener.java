package io.patronage.points.intake;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.members.ReferralRegistered;
import io.patronage.kit.kafka.DispatchingListener;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.points.intake.CardDirectory.CardAssignment;
import io.patronage.points.membership.CreatePointsAccount;
import io.patronage.points.membership.EndMembership;
import io.patronage.points.membership.ErasePersonalData;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.referral.RecordReferral;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the members' lifecycle: opens a points account for every enrolled member and files their card
 * (account first: a card only ever resolves to a member whose account exists); records referrals; moves a
 * replaced card's earning to the new card; an opted-out member's cards stop earning and the account earns
 * nothing more; an erased member's birth date and card mapping are dropped. Events about a member without an
 * account (enrolled before points-service existed, or already gone) change nothing.
 */
@Singleton
class MembersListener extends DispatchingListener {

    private final CommandGateway commands;
    private final CardDirectory directory;
    private final OpenedAccounts accounts;

    MembersListener(CommandGateway commands, CardDirectory directory, OpenedAccounts accounts) {
        this.commands = commands;
        this.directory = directory;
        this.accounts = accounts;
        // a member without an account here: nothing to change
        on(ReferralRegistered.class, (referral, message) ->
                commands.sendAndWait(new RecordReferral(referral.memberId(), referral.referrerMemberId())), ignore());
        on(CardReplaced.class, (replaced, message) -> directory.replace(replaced.chainId(), replaced.oldCardNumber(),
                replaced.newCardNumber(), replaced.memberId()));
        on(MemberOptedOut.class, (optedOut, message) -> {
            directory.forget(optedOut.memberId());
            commands.sendAndWait(new EndMembership(optedOut.memberId(), optedOut.optedOutAt()));
        }, ignore());
        on(MemberErased.class, (erased, message) -> {
            directory.forget(erased.memberId());
            commands.sendAndWait(new ErasePersonalData(erased.memberId(), erased.erasedAt()));
        }, ignore());
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS);
    }

    /** Consecutive enrollments are opened together; every other event is handled on its own, in order. */
    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<MemberEnrolled> enrollments = new ArrayList<>();
        for (InboundMessage message : batch) {
            if (message.payload() instanceof MemberEnrolled enrolled) {
                enrollments.add(enrolled);
                continue;
            }
            enroll(enrollments);
            enrollments.clear();
            dispatch(List.of(message));
        }
        enroll(enrollments);
    }

    /**
     * Opens the accounts of consecutive enrollments in one unit of work (their openings and balances are written
     * together when it commits), then files their cards.
     */
    private void enroll(List<MemberEnrolled> enrollments) {
        if (enrollments.isEmpty()) {
            return;
        }
        Set<String> opening = new LinkedHashSet<>();
        DefaultUnitOfWork.startAndGet(null).execute(() -> enrollments.stream()
                .map(OpenPointsAccount::from)
                .filter(account -> !accounts.isOpen(account.memberId()) && opening.add(account.memberId()))
                .forEach(this::open));
        opening.forEach(accounts::opened);
        directory.register(enrollments.stream()
                .filter(enrolled -> enrolled.cardNumber() != null && !enrolled.cardNumber().isBlank())
                .map(enrolled -> new CardAssignment(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId()))
                .toList());
    }

    /**
     * A new member's account is created without loading it; after a failed attempt (its opening may be stored)
     * the account is loaded first, so opening it twice stays a no-op.
     */
    private void open(OpenPointsAccount opening) {
        if (accounts.uncertain(opening.memberId())) {
            commands.sendAndWait(opening);
        } else {
            commands.sendAndWait(new CreatePointsAccount(opening));
        }
    }
}
