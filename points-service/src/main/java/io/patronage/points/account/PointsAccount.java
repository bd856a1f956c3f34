package io.patronage.points.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.adjustments.Adjustments;
import io.patronage.points.adjustments.PaymentRefund;
import io.patronage.points.earning.AwardOfAnotherChainException;
import io.patronage.points.earning.AwardPoints;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.EarningOutcome;
import io.patronage.points.earning.EarningPolicy;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.earning.ReferralDue;
import io.patronage.points.expiry.Expiries;
import io.patronage.points.expiry.NextReview;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.CreatePointsAccount;
import io.patronage.points.membership.EndMembership;
import io.patronage.points.membership.ErasePersonalData;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.membership.PersonalDataErased;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.redemption.Redemptions;
import io.patronage.points.redemption.SpendPoints;
import io.patronage.points.referral.RecordReferral;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.Purchase;
import io.patronage.points.returns.ReturnPurchase;
import io.patronage.points.returns.Reversals;
import io.patronage.points.tiers.TierChanged;
import io.patronage.points.tiers.TierPolicy;
import io.patronage.points.tillpayment.PointsPaid;
import io.patronage.points.tillpayment.TillPayments;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's points account: command handlers decide, mostly by asking the capabilities' pure policies
 * ({@link EarningPolicy}, {@link Reversals}, {@link TierPolicy}, {@link Expiries}, {@link Adjustments}); the event
 * sourcing handler folds every event into the {@link AccountState}. Every figure stays within {@link LedgerLimits}:
 * a command whose outcome would cross them is refused with a {@link PointsOverflowException}. An account whose log
 * holds an event beyond them (stored by an older version) still loads, but is frozen at that event: it refuses every
 * ledger command with the reason, rather than compute with a wrapped number. Revision 2 (limits and fingerprints)
 * ignores older snapshots, which may hold a ledger folded past such an event.
 */
@Revision("2")
public class PointsAccount {

    @AggregateIdentifier
    private String memberId;
    private String chainId;
    @JsonUnwrapped
    private final AccountState state = new AccountState();

    protected PointsAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreatePointsAccount command) {
        handle(command.opening());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenPointsAccount command) {
        if (memberId == null) {
            apply(new PointsAccountOpened(command.memberId(), command.chainId(), command.cardNumber(),
                    command.birthday(), command.enrolledAt()));
        }
    }

    /** Returns the referrer's bonus this purchase owes (also when it is redelivered), or {@code null}. */
    @CommandHandler
    ReferralDue handle(EarnPoints command, ProgramCatalog programs) {
        PosTransaction transaction = command.transaction();
        String key = AccountState.transactionKey(transaction.chainId(), transaction.transactionId());
        String fingerprint = Fingerprint.of(transaction);
        if (state.processed(memberId, key, fingerprint)) {
            Purchase earlier = state.purchase(key);
            return earlier != null && earlier.referrerBonus() > 0 ? referralDue(earlier.occurredAt()) : null;
        }
        if (!state.active() && transaction.pointsPayment() == null) {
            return null;
        }
        state.requireSound(memberId);
        Instant occurredAt = transaction.occurredAt().toInstant();
        ProgramRules rules = programs.rulesFor(chainId, occurredAt);
        if (transaction.pointsPayment() != null) {
            TillPayments.check(memberId, rules.redemption(), rules.unit(), transaction, state.ledger(), state.active());
            apply(TillPayments.pay(memberId, transaction, rules.unit(), state.ledger()));
            dropTierAtOnce(programs, occurredAt);
        }
        PosTransaction earning = TillPayments.earningPart(transaction);
        EarningOutcome outcome = EarningPolicy.earn(rules, state.standing().now(), earning);
        long balanceAfter = LedgerLimits.balanceAfter(memberId, state.ledger().balance(), outcome.points());
        apply(new PointsEarned(memberId, transaction.chainId(), transaction.transactionId(), transaction.storeId(),
                transaction.currency(), earning.total(), outcome.eligibleAmount(), outcome.points(),
                outcome.ruleVersion(), outcome.breakdown(), transaction.occurredAt(),
                outcome.points() > 0 ? rules.lot(key, outcome.points(), occurredAt) : null, balanceAfter,
                outcome.referrerBonus(), transaction.lines(), transaction.couponCodes(), fingerprint,
                transaction.pointsPayment()));
        upgradeTier(rules, occurredAt);
        return outcome.referrerBonus() > 0 ? referralDue(occurredAt) : null;
    }

    private ReferralDue referralDue(Instant occurredAt) {
        return new ReferralDue(state.standing().referrer(), memberId, chainId, occurredAt);
    }

    @CommandHandler
    void handle(ReturnPurchase command, ProgramCatalog programs) {
        PosTransaction refund = command.transaction();
        String fingerprint = Fingerprint.of(refund);
        String returnKey = AccountState.transactionKey(refund.chainId(), refund.transactionId());
        if (state.processed(memberId, returnKey, fingerprint)) {
            return;
        }
        if (refund.originalTransactionId() == null) {
            List<Reversals.Match> matches = Reversals.match(state.purchasesOf(refund.chainId()), refund);
            if (!matches.isEmpty()) {
                state.requireSound(memberId);
            }
            for (Reversals.Match match : matches) {
                PointsPaid paid = state.pointsPaid(
                        AccountState.transactionKey(refund.chainId(), match.originalTransactionId()));
                PointsReversed reversed = Reversals.reverse(memberId,
                        programs.rulesFor(chainId, match.purchase().occurredAt()), match.purchase(),
                        TillPayments.earningPartOfReturn(match.refund(), paid), fingerprint, state.ledger());
                if (reversed != null) {
                    apply(reversed);
                }
                giveBack(programs, match.refund(), paid);
            }
            return;
        }
        String originalKey = AccountState.transactionKey(refund.chainId(), refund.originalTransactionId());
        Purchase purchase = state.purchase(originalKey);
        PointsPaid paid = state.pointsPaid(originalKey);
        boolean earned = purchase != null && purchase.points() > 0;
        if (!earned && paid == null) {
            return;
        }
        state.requireSound(memberId);
        if (earned) {
            PointsReversed reversed = Reversals.reverse(memberId, programs.rulesFor(chainId, purchase.occurredAt()),
                    purchase, TillPayments.earningPartOfReturn(refund, paid), fingerprint, state.ledger());
            if (reversed != null) {
                apply(reversed);
                dropTierAtOnce(programs, reversed.occurredAt().toInstant());
            }
        }
        giveBack(programs, refund, paid);
    }

    /**
     * Gives back, as a credit, the share of a purchase's points payment that {@code refund} returns; once per return
     * and purchase (by the credit's adjustment id), so a resent return gives nothing again.
     */
    private void giveBack(ProgramCatalog programs, PosTransaction refund, PointsPaid paid) {
        if (paid == null || state.awarded(TillPayments.refundId(refund))) {
            return;
        }
        Instant at = refund.occurredAt().toInstant();
        AdjustPoints credit = TillPayments.giveBack(memberId, paid, refund, programs.rulesFor(chainId, at).unit());
        if (credit == null) {
            return;
        }
        ProgramRules rules = programs.rulesFor(chainId, at);
        apply(Adjustments.adjust(chainId, credit, rules, state.ledger()).withPaymentRefund(new PaymentRefund(
                refund.originalTransactionId(), refund.transactionId(), TillPayments.shareAfter(paid, refund))));
        upgradeTier(rules, credit.at());
    }

    /** Returns the earlier answer when the request was answered already, {@code null} otherwise. */
    @CommandHandler
    AnsweredRequest handle(RedeemPoints command, ProgramCatalog programs) {
        AnsweredRequest earlier = state.answer(command.requestId());
        if (earlier == null) {
            RedemptionAnswer answer = Redemptions.answer(memberId, chainId, command,
                    programs.rulesFor(chainId, command.at()).unit(), state.ledger(), state.frozen() != null);
            apply(answer);
            if (answer instanceof PointsRedeemed) {
                dropTierAtOnce(programs, command.at());
            }
        }
        return earlier;
    }

    /** A till's or an operator's redemption, clamped when the program says so; a repeat gets the earlier answer. */
    @CommandHandler
    SpendPoints.Spent handle(SpendPoints command, ProgramCatalog programs) {
        AnsweredRequest earlier = state.answer(command.requestId());
        if (earlier != null) {
            return new SpendPoints.Spent(earlier.answer(), true);
        }
        RedemptionAnswer answer = Redemptions.answer(memberId, chainId, command,
                programs.rulesFor(chainId, command.at()).overBalanceRedemption(), state.ledger(), state.frozen() != null);
        apply(answer);
        return new SpendPoints.Spent(answer, false);
    }

    @CommandHandler
    void handle(AwardPoints command, ProgramCatalog programs) {
        if (!chainId.equals(command.chainId())) {
            throw new AwardOfAnotherChainException(memberId, chainId, command);
        }
        if (state.awarded(command.awardId()) || !state.active()) {
            return;
        }
        state.requireSound(memberId);
        ProgramRules rules = programs.rulesFor(chainId, command.occurredAt());
        long points = rules.unit().units(rules.bonuses().award(command.rule()));
        if (points > 0) {
            apply(new PointsAwarded(memberId, chainId, command.awardId(), command.rule(), rules.version(), points,
                    rules.lot(command.awardId(), points, command.occurredAt()),
                    LedgerLimits.balanceAfter(memberId, state.ledger().balance(), points), command.occurredAt()));
            upgradeTier(rules, command.occurredAt());
        }
    }

    @CommandHandler
    void handle(AdjustPoints command, ProgramCatalog programs) {
        if (!state.awarded(command.adjustmentId())) {
            state.requireSound(memberId);
            ProgramRules rules = programs.rulesFor(chainId, command.at());
            apply(Adjustments.adjust(chainId, command, rules, state.ledger()));
            if (command.points() < 0) {
                dropTierAtOnce(programs, command.at());
            } else {
                upgradeTier(rules, command.at());
            }
        }
    }

    @CommandHandler
    Instant handle(ReviewAccount command, ProgramCatalog programs) {
        Instant at = command.at();
        if (state.frozen() != null) {
            return null;
        }
        applyIfAny(Expiries.expire(memberId, chainId, state.ledger(), at));
        applyIfAny(Expiries.announce(memberId, chainId, state.ledger(), state.announcedLots(), at));
        ProgramRules rules = programs.rulesFor(chainId, at);
        TierRules tiers = rules.tiers();
        String tier = state.standing().tier();
        if (TierPolicy.downgrades(tiers, rules.unit(), state.activity(), state.ledger(), tier, at)) {
            apply(new TierChanged(memberId, chainId, tier,
                    TierPolicy.downgradeTo(tiers, rules.unit(), state.activity(), state.ledger(), at),
                    tiers.basis().overWindow() ? "WINDOW_NO_LONGER_QUALIFIES" : "NO_LONGER_QUALIFIES", at));
        }
        upgradeTier(rules, at);
        return NextReview.after(at, state.ledger().lots(), state.announcedLots(), state.standing().tier());
    }

    @CommandHandler
    void handle(RecordReferral command) {
        if (state.standing().referrer() == null && state.standing().earningPurchases() == 0
                && !command.referrerMemberId().equals(memberId)) {
            apply(new ReferralRecorded(memberId, command.referrerMemberId()));
        }
    }

    @CommandHandler
    void handle(EndMembership command) {
        if (state.active()) {
            apply(new MembershipEnded(memberId, command.at()));
        }
    }

    @CommandHandler
    void handle(ErasePersonalData command) {
        if (state.standing().birthday() != null) {
            apply(new PersonalDataErased(memberId, command.at()));
        }
    }

    private void upgradeTier(ProgramRules rules, Instant at) {
        String reached = TierPolicy.upgrade(rules.tiers(), rules.unit(), state.activity(), state.ledger(),
                state.standing().tier(), at);
        if (reached != null) {
            apply(new TierChanged(memberId, chainId, state.standing().tier(), reached, "QUALIFIED", at));
        }
    }

    /** Under {@code ON_DROP}, the tier an event that lowered the basis leaves the member with, at once. */
    private void dropTierAtOnce(ProgramCatalog programs, Instant at) {
        ProgramRules rules = programs.rulesFor(chainId, at);
        String tier = state.standing().tier();
        if (TierPolicy.dropsAtOnce(rules.tiers(), rules.unit(), state.activity(), state.ledger(), tier, at)) {
            apply(new TierChanged(memberId, chainId, tier,
                    TierPolicy.downgradeTo(rules.tiers(), rules.unit(), state.activity(), state.ledger(), at),
                    "BASIS_DROPPED", at));
        }
    }

    private static void applyIfAny(PointsAccountEvent event) {
        if (event != null) {
            apply(event);
        }
    }

    @EventSourcingHandler
    void on(PointsAccountEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event instanceof PointsAccountOpened opened) {
            memberId = opened.memberId();
            chainId = opened.chainId();
        }
        state.fold(event, eventId, at);
    }
}
